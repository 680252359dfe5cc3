import type { CriticalAlert } from '../../src/alerts/critical-alert-publisher';
import type { NotificationChannels } from '../../src/application/process-notification';
import type { OutgoingEmail } from '../../src/email/email-sender';
import type { OutgoingPush } from '../../src/mobile/push-sender';

/** Channels that record what they were asked to send; `failNext` makes the next call of one throw. */
export function recordingChannels() {
  const sent = {
    email: [] as OutgoingEmail[],
    sms: [] as { to: string; text: string }[],
    push: [] as OutgoingPush[],
    alerts: [] as CriticalAlert[],
  };
  const failures = new Map<keyof typeof sent, Error>();
  let n = 0;
  const record = <T>(kind: keyof typeof sent, list: T[], item: T) => {
    const failure = failures.get(kind);
    if (failure !== undefined) {
      failures.delete(kind);
      return Promise.reject(failure);
    }
    list.push(item);
    n += 1;
    return Promise.resolve({ messageId: `${kind}-${n}` });
  };
  const channels: NotificationChannels = {
    email: { send: (email) => record('email', sent.email, email) },
    sms: { send: (sms) => record('sms', sent.sms, sms) },
    push: { send: (push) => record('push', sent.push, push) },
    criticalAlerts: { publish: (alert) => record('alerts', sent.alerts, alert) },
  };
  return {
    channels,
    sent,
    failNext(kind: keyof typeof sent, error: Error) {
      failures.set(kind, error);
    },
  };
}
