import { PublishBatchCommand, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { MessagingError, topicNotFound } from '../errors';
import type { TopicMessage, TopicPublisher } from '../ports';
import { entryId, messageIdsOrThrow } from './batch-results';
import { toWireAttributes } from './message-attributes';

/** Publishes to SNS topics named logically (`arka-notificaciones`), resolved through a name → ARN map. */
export class SnsTopicPublisher implements TopicPublisher {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArns: Readonly<Record<string, string>>,
  ) {}

  async publish(topic: string, message: TopicMessage): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn(topic),
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

  /** One PublishBatch request; a failed entry rejects with PartialBatchError (see the port). */
  async publishBatch(topic: string, messages: readonly TopicMessage[]): Promise<string[]> {
    const result = await this.client.send(
      new PublishBatchCommand({
        TopicArn: this.topicArn(topic),
        PublishBatchRequestEntries: messages.map((message, i) => ({
          Id: entryId(i),
          Message: message.body,
          Subject: message.subject,
          MessageAttributes: toWireAttributes(message.attributes),
        })),
      }),
    );
    return messageIdsOrThrow('SNS', topic, messages.length, result);
  }

  private topicArn(topic: string): string {
    const topicArn = this.topicArns[topic];
    if (topicArn === undefined) throw topicNotFound(topic, Object.keys(this.topicArns));
    return topicArn;
  }
}
