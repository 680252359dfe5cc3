import type { SNSClient } from '@aws-sdk/client-sns';
import type { SmsSender } from './sms-sender';
import { publish } from '../sns/sns-publish';

/** SMS through SNS Publish to a phone number, as transactional traffic. */
export class SnsSmsSender implements SmsSender {
  constructor(private readonly client: SNSClient) {}

  send(sms: { to: string; text: string }): Promise<{ messageId: string }> {
    return publish(this.client, {
      PhoneNumber: sms.to,
      Message: sms.text,
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  }
}
