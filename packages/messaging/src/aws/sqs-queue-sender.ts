import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MessagingError, queueNotFound } from '../errors';
import type { OutgoingMessage, QueueSender } from '../ports';
import { toWireAttributes } from './message-attributes';

/** Sends to SQS queues named logically (`arka-solicitudes`), resolved through a name → URL map. */
export class SqsQueueSender implements QueueSender {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Readonly<Record<string, string>>,
  ) {}

  async send(
    queue: string,
    message: OutgoingMessage & { delaySeconds?: number },
  ): Promise<{ messageId: string }> {
    const queueUrl = this.queueUrls[queue];
    if (queueUrl === undefined) throw queueNotFound(queue, Object.keys(this.queueUrls));
    const result = await this.client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
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
}
