import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { MessagingError, topicNotFound } from '../errors';
import type { OutgoingMessage, TopicPublisher } from '../ports';
import { toWireAttributes } from './message-attributes';

/** Publishes to SNS topics named logically (`arka-notificaciones`), resolved through a name → ARN map. */
export class SnsTopicPublisher implements TopicPublisher {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArns: Readonly<Record<string, string>>,
  ) {}

  async publish(
    topic: string,
    message: OutgoingMessage & { subject?: string },
  ): Promise<{ messageId: string }> {
    const topicArn = this.topicArns[topic];
    if (topicArn === undefined) throw topicNotFound(topic, Object.keys(this.topicArns));
    const result = await this.client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: message.body,
        Subject: message.subject,
        MessageAttributes: toWireAttributes(message.attributes),
      }),
    );
    if (result.MessageId === undefined) {
      throw new MessagingError('INVALID_PARAMETER', `SNS returned no MessageId for a publish to ${topic}`);
    }
    return { messageId: result.MessageId };
  }
}
