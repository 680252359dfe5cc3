/**
 * QueueConsumer on the embedded broker: long-polls batches, hands them to the
 * handler, deletes the messages it did not report as failed. A handler that
 * throws leaves the whole batch, which comes back after the visibility timeout.
 */
import type { MessagingLogger } from '../logger';
import type { BatchHandler, QueueConsumer } from '../ports';
import { PollingWorker } from '../polling-worker';
import { checkBatchSize } from '../validation';
import type { BrokerMessage } from './types';

/** The part of the broker a consumer uses. */
export interface ConsumableBroker {
  receive(
    queue: string,
    options: { maxMessages: number; waitTimeSeconds?: number; signal: AbortSignal },
  ): Promise<BrokerMessage[]>;
  deleteBatch(queue: string, receiptHandles: readonly string[]): Promise<boolean[]>;
}

export class EmbeddedQueueConsumer implements QueueConsumer {
  private readonly workers: PollingWorker<BrokerMessage>[] = [];

  constructor(
    private readonly broker: ConsumableBroker,
    private readonly logger: MessagingLogger,
    private readonly waitTimeSeconds?: number,
  ) {}

  start(queue: string, handler: BatchHandler, options: { batchSize?: number } = {}): void {
    const maxMessages = checkBatchSize(options.batchSize ?? 10);
    const worker = new PollingWorker<BrokerMessage>({
      receive: (signal) =>
        this.broker.receive(queue, {
          maxMessages,
          signal,
          ...(this.waitTimeSeconds === undefined ? {} : { waitTimeSeconds: this.waitTimeSeconds }),
        }),
      process: async (batch) => {
        const { failedMessageIds } = await handler(batch);
        const failed = new Set(failedMessageIds);
        const done = batch.filter((m) => !failed.has(m.messageId)).map((m) => m.receiptHandle);
        if (done.length > 0) await this.broker.deleteBatch(queue, done);
        if (failed.size > 0) this.logger.warn({ queue, failed: [...failed] }, 'messages left for retry');
      },
      onError: (error) => this.logger.error({ queue, err: error }, 'batch failed; it will be retried'),
    });
    this.workers.push(worker);
    worker.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
