import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MessagingError, queueNotFound } from '../errors';
import type { QueueMessage, QueueSender } from '../ports';
import { entryId, messageIdsOrThrow } from './batch-results';
import { toWireAttributes } from './message-attributes';

/** Sends to SQS queues named logically (`arka-solicitudes`), resolved through a name → URL map. */
export class SqsQueueSender implements QueueSender {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Readonly<Record<string, string>>,
  ) {}

  async send(queue: string, message: QueueMessage): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl(queue),
        MessageBody: message.body,
        MessageAttributes: toWireAttributes(message.attributes),
        DelaySeconds: message.delaySeconds,
      }),
    );
    if (result.MessageId === undefined) {
      throw new MessagingError('INVALID_PARAMETER', `SQS returned no MessageId for a send to ${queue}`);
    }
    return { messageId: result.MessageId };
  }

  /** One SendMessageBatch request; a failed entry rejects with PartialBatchError (see the port). */
  async sendBatch(queue: string, messages: readonly QueueMessage[]): Promise<string[]> {
    const result = await this.client.send(
      new SendMessageBatchCommand({
        QueueUrl: this.queueUrl(queue),
        Entries: messages.map((message, i) => ({
          Id: entryId(i),
          MessageBody: message.body,
          MessageAttributes: toWireAttributes(message.attributes),
          DelaySeconds: message.delaySeconds,
        })),
      }),
    );
    return messageIdsOrThrow('SQS', queue, messages.length, result);
  }

  private queueUrl(queue: string): string {
    const queueUrl = this.queueUrls[queue];
    if (queueUrl === undefined) throw queueNotFound(queue, Object.keys(this.queueUrls));
    return queueUrl;
  }
}
