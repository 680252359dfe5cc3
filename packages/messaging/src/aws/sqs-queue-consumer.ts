/**
 * QueueConsumer on SQS through sqs-consumer: long polling, batches of up to 10;
 * the handler's failed messages are not returned to sqs-consumer, so only the
 * others are deleted and the failed ones come back after the visibility timeout.
 */
import { once } from 'node:events';
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import { Consumer } from 'sqs-consumer';
import { MessagingError, queueNotFound } from '../errors';
import { silentLogger, type MessagingLogger } from '../logger';
import type { BatchHandler, QueueConsumer, ReceivedMessage } from '../ports';
import { checkBatchSize, checkIntegerRange, MAX_WAIT_SECONDS } from '../validation';
import { fromSqsAttributes } from './message-attributes';

export interface SqsQueueConsumerOptions {
  /** @default 20 */
  readonly waitTimeSeconds?: number;
  /** Pause between polls; SQS long polling makes 0 right in production. @default 0 */
  readonly pollingWaitTimeMs?: number;
  /** How long `stop()` waits for the batch in flight. @default 60000 */
  readonly stopTimeoutMs?: number;
  /** @default silent */
  readonly logger?: MessagingLogger;
}

function toReceivedMessage(message: Message): ReceivedMessage {
  const { MessageId, ReceiptHandle, Body } = message;
  if (MessageId === undefined || ReceiptHandle === undefined || Body === undefined) {
    throw new MessagingError(
      'INVALID_PARAMETER',
      'SQS returned a message without id, receipt handle or body',
    );
  }
  const receiveCount = Number(message.Attributes?.ApproximateReceiveCount ?? '1');
  const sentAt = Number(message.Attributes?.SentTimestamp ?? Number.NaN);
  return {
    messageId: MessageId,
    receiptHandle: ReceiptHandle,
    body: Body,
    attributes: fromSqsAttributes(message.MessageAttributes),
    receiveCount: Number.isInteger(receiveCount) ? receiveCount : 1,
    sentAt: new Date(Number.isFinite(sentAt) ? sentAt : Date.now()),
  };
}

export class SqsQueueConsumer implements QueueConsumer {
  private readonly consumers: Consumer[] = [];
  private readonly logger: MessagingLogger;

  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Readonly<Record<string, string>>,
    private readonly options: SqsQueueConsumerOptions = {},
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  start(queue: string, handler: BatchHandler, options: { batchSize?: number } = {}): void {
    const queueUrl = this.queueUrls[queue];
    if (queueUrl === undefined) throw queueNotFound(queue, Object.keys(this.queueUrls));
    const consumer = Consumer.create({
      queueUrl,
      sqs: this.client,
      batchSize: checkBatchSize(options.batchSize ?? 10),
      waitTimeSeconds: checkIntegerRange(
        'waitTimeSeconds',
        this.options.waitTimeSeconds ?? 20,
        0,
        MAX_WAIT_SECONDS,
      ),
      pollingWaitTimeMs: this.options.pollingWaitTimeMs ?? 0,
      pollingCompleteWaitTimeMs: this.options.stopTimeoutMs ?? 60_000,
      messageAttributeNames: ['All'],
      messageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
      handleMessageBatch: async (messages) => {
        const { failedMessageIds } = await handler(messages.map(toReceivedMessage));
        const failed = new Set(failedMessageIds);
        if (failed.size > 0) this.logger.warn({ queue, failed: [...failed] }, 'messages left for retry');
        return messages.filter((m) => m.MessageId === undefined || !failed.has(m.MessageId));
      },
    });
    consumer.on('error', (err) => this.logger.error({ queue, err }, 'SQS consumer error'));
    consumer.on('processing_error', (err) =>
      this.logger.error({ queue, err }, 'batch failed; it will be retried'),
    );
    this.consumers.push(consumer);
    consumer.start();
  }

  /** Stops polling and waits (up to stopTimeoutMs) for the batch in flight. */
  async stop(): Promise<void> {
    await Promise.all(
      this.consumers.splice(0).map(async (consumer) => {
        const stopped = once(consumer, 'stopped');
        consumer.stop();
        await stopped;
      }),
    );
  }
}
