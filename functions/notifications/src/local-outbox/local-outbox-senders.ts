import type { CriticalAlert, CriticalAlertPublisher } from '../alerts/critical-alert-publisher';
import type { OutgoingPush, PushSender } from '../mobile/push-sender';
import type { SmsSender } from '../mobile/sms-sender';
import type { LocalOutbox } from './local-outbox';

export class LocalOutboxSmsSender implements SmsSender {
  constructor(private readonly outbox: LocalOutbox) {}
  send(sms: { to: string; text: string }): Promise<{ messageId: string }> {
    return this.outbox.append({ channel: 'sms', to: sms.to, text: sms.text });
  }
}

export class LocalOutboxPushSender implements PushSender {
  constructor(private readonly outbox: LocalOutbox) {}
  send(push: OutgoingPush): Promise<{ messageId: string }> {
    return this.outbox.append({ channel: 'push', to: push.endpointArn, title: push.title, body: push.body });
  }
}

export class LocalOutboxCriticalAlertPublisher implements CriticalAlertPublisher {
  constructor(
    private readonly outbox: LocalOutbox,
    private readonly topicArn: string,
  ) {}
  publish(alert: CriticalAlert): Promise<{ messageId: string }> {
    return this.outbox.append({ channel: 'critical-alert', to: this.topicArn, alert: { ...alert } });
  }
}
