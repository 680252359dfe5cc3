import type { SNSClient } from '@aws-sdk/client-sns';
import { publish } from '../sns/sns-publish';
import type { CriticalAlert, CriticalAlertPublisher } from './critical-alert-publisher';

/** Publishes the alert as JSON to the critical-alerts topic from configuration. */
export class SnsCriticalAlertPublisher implements CriticalAlertPublisher {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  publish(alert: CriticalAlert): Promise<{ messageId: string }> {
    return publish(this.client, {
      TopicArn: this.topicArn,
      Message: JSON.stringify(alert),
      MessageAttributes: {
        priority: { DataType: 'String', StringValue: 'critical' },
        type: { DataType: 'String', StringValue: alert.type },
        service: { DataType: 'String', StringValue: alert.service },
      },
    });
  }
}
