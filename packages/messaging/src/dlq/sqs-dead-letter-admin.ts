/**
 * The DLQ tool on SQS. Redrive receives from the DLQ, sends each message to the
 * source queue with its body and attributes, and deletes only what was sent, so
 * a failure leaves the message in the DLQ. (StartMessageMoveTask would also work,
 * but not against local SQS endpoints, and it cannot stop after N messages.)
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { fromSqsAttributes } from '../aws/message-attributes';
import { QUEUES } from '../topology';
import type { DeadLetter, DeadLetterAdmin, DeadLetterQueueInfo } from './dead-letter-admin';

/** Long enough to copy a batch; short enough that an interrupted run frees the messages soon. */
const WORK_VISIBILITY_SECONDS = 60;

export class SqsDeadLetterAdmin implements DeadLetterAdmin {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Readonly<Record<string, string>>,
  ) {}

  /** The DLQs of the cloud topology whose URL (and source URL) are configured. */
  private queues(): { name: string; sourceQueue: string; url: string; sourceUrl: string }[] {
    return QUEUES.flatMap((q) => {
      const url = this.queueUrls[q.deadLetterQueueName];
      const sourceUrl = this.queueUrls[q.name];
      return url && sourceUrl ? [{ name: q.deadLetterQueueName, sourceQueue: q.name, url, sourceUrl }] : [];
    });
  }

  private queue(name: string) {
    const found = this.queues().find((q) => q.name === name);
    if (!found) throw new Error(`no URL configured for dead-letter queue "${name}" or its source queue`);
    return found;
  }

  async list(): Promise<readonly DeadLetterQueueInfo[]> {
    return Promise.all(
      this.queues().map(async (q) => {
        const { Attributes = {} } = await this.client.send(
          new GetQueueAttributesCommand({
            QueueUrl: q.url,
            AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
          }),
        );
        return {
          name: q.name,
          sourceQueue: q.sourceQueue,
          depth: Number(Attributes.ApproximateNumberOfMessages ?? 0),
          inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
        };
      }),
    );
  }

  async show(deadLetterQueue: string, max: number): Promise<readonly DeadLetter[]> {
    const { url } = this.queue(deadLetterQueue);
    const seen = new Map<string, Message>();
    for (;;) {
      const batch = await this.receive(url, Math.min(10, max - seen.size));
      const fresh = batch.filter((m) => m.MessageId !== undefined && !seen.has(m.MessageId));
      for (const m of fresh) if (m.MessageId) seen.set(m.MessageId, m);
      if (fresh.length === 0 || seen.size >= max) break;
    }
    // Showing must not hide the messages: make them visible again at once.
    await this.inBatches([...seen.values()], (entries) =>
      this.client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: url,
          Entries: entries.map((m, i) => ({
            Id: String(i),
            ReceiptHandle: m.ReceiptHandle,
            VisibilityTimeout: 0,
          })),
        }),
      ),
    );
    return [...seen.values()].map((m) => ({
      messageId: m.MessageId ?? '',
      body: m.Body ?? '',
      attributes: fromSqsAttributes(m.MessageAttributes),
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
      ...(m.Attributes?.SentTimestamp ? { sentAt: new Date(Number(m.Attributes.SentTimestamp)) } : {}),
    }));
  }

  async redrive(deadLetterQueue: string, max: number): Promise<number> {
    const { url, sourceUrl } = this.queue(deadLetterQueue);
    let moved = 0;
    while (moved < max) {
      const batch = await this.receive(url, Math.min(10, max - moved));
      if (batch.length === 0) break;
      const sent = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: sourceUrl,
          Entries: batch.map((m, i) => ({
            Id: String(i),
            MessageBody: m.Body,
            MessageAttributes: m.MessageAttributes,
          })),
        }),
      );
      const done = (sent.Successful ?? []).flatMap((s) => {
        const message = batch[Number(s.Id)];
        return message ? [message] : [];
      });
      if (done.length > 0) {
        await this.client.send(
          new DeleteMessageBatchCommand({
            QueueUrl: url,
            Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
      }
      moved += done.length;
      if (done.length < batch.length) {
        const failed = (sent.Failed ?? []).map((f) => `${f.Code}: ${f.Message}`).join('; ');
        throw new Error(`moved ${moved}, then SQS refused to send ${batch.length - done.length}: ${failed}`);
      }
    }
    return moved;
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async receive(url: string, max: number): Promise<Message[]> {
    const { Messages = [] } = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: max,
        WaitTimeSeconds: 0,
        VisibilityTimeout: WORK_VISIBILITY_SECONDS,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
      }),
    );
    return Messages;
  }

  private async inBatches<T>(items: readonly T[], send: (batch: T[]) => Promise<unknown>): Promise<void> {
    for (let i = 0; i < items.length; i += 10) await send(items.slice(i, i + 10));
  }
}
