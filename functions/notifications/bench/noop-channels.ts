import type { NotificationChannels } from '../src/application/process-notification';

/** Providers that accept everything at once: the baseline the real providers are compared with. */
export function noopChannels(): NotificationChannels {
  let n = 0;
  const accept = async () => ({ messageId: `noop-${++n}` });
  return {
    email: { send: accept },
    sms: { send: accept },
    push: { send: accept },
    criticalAlerts: { publish: accept },
  };
}
