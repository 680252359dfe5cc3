import type { SNSClient } from '@aws-sdk/client-sns';
import type { OutgoingPush, PushSender } from './push-sender';
import { publish } from '../sns/sns-publish';

/**
 * Push through SNS Publish to a platform endpoint. MessageStructure json carries one
 * payload per platform; `default` is what any other platform shows.
 */
export class SnsPushSender implements PushSender {
  constructor(private readonly client: SNSClient) {}

  send(push: OutgoingPush): Promise<{ messageId: string }> {
    const apns = JSON.stringify({ aps: { alert: { title: push.title, body: push.body } } });
    return publish(this.client, {
      TargetArn: push.endpointArn,
      MessageStructure: 'json',
      Message: JSON.stringify({
        default: push.body,
        GCM: JSON.stringify({ notification: { title: push.title, body: push.body } }),
        APNS: apns,
        APNS_SANDBOX: apns,
      }),
    });
  }
}
