/**
 * Lambda's SQS event source mapping, locally: polls an embedded-broker queue,
 * invokes the handler with the SQS event, deletes the records that succeeded and
 * leaves the failed ones to come back after the visibility timeout (and to reach
 * the dead-letter queue at maxReceiveCount). A handler that throws fails the batch.
 */
import type { BrokerMessage } from '../embedded/types';
import { silentLogger, type MessagingLogger } from '../logger';
import { PollingWorker } from '../polling-worker';
import { checkBatchSize } from '../validation';
import { batchOutcome } from './batch-outcome';
import { lambdaContext, sqsRecord } from './lambda-shapes';
import type { SqsHandler } from './sqs-event';

/** The part of the embedded broker the event source uses. */
export interface EventSourceBroker {
  receive(
    queue: string,
    options: { maxMessages: number; waitTimeSeconds?: number; signal?: AbortSignal },
  ): Promise<BrokerMessage[]>;
  deleteBatch(queue: string, receiptHandles: readonly string[]): Promise<boolean[]>;
  queueArn(queue: string): string;
}

export interface LocalSqsEventSourceOptions {
  readonly broker: EventSourceBroker;
  readonly queue: string;
  readonly handler: SqsHandler;
  /** 1 to 10. @default 10 */
  readonly batchSize?: number;
  /** @default the queue's receive wait time */
  readonly waitTimeSeconds?: number;
  /** @default `${queue}-consumer` */
  readonly functionName?: string;
  /** @default 'local' */
  readonly awsRegion?: string;
  /** What `context.getRemainingTimeInMillis()` counts down from. @default 30000 */
  readonly timeoutMs?: number;
  /** @default silent */
  readonly logger?: MessagingLogger;
}

export interface InvocationResult {
  readonly received: number;
  readonly deleted: number;
  /** Message ids left on the queue for retry. */
  readonly retried: readonly string[];
}

export class LocalSqsEventSource {
  private readonly worker: PollingWorker<BrokerMessage>;
  private readonly logger: MessagingLogger;
  private readonly batchSize: number;

  constructor(private readonly options: LocalSqsEventSourceOptions) {
    this.logger = options.logger ?? silentLogger;
    this.batchSize = checkBatchSize(options.batchSize ?? 10);
    this.worker = new PollingWorker({
      receive: (signal) => this.receive(signal, options.waitTimeSeconds),
      process: async (batch) => {
        await this.invoke(batch);
      },
      onError: (error) => this.logger.error({ queue: options.queue, err: error }, 'event source poll failed'),
    });
  }

  start(): void {
    this.worker.start();
  }

  /** Stops polling and waits for the invocation in progress. */
  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Receives one batch without waiting and invokes the handler with it (tests and one-shot tools). */
  async pollOnce(): Promise<InvocationResult> {
    const batch = await this.receive(undefined, 0);
    return batch.length === 0 ? { received: 0, deleted: 0, retried: [] } : this.invoke(batch);
  }

  private receive(
    signal: AbortSignal | undefined,
    waitTimeSeconds: number | undefined,
  ): Promise<BrokerMessage[]> {
    return this.options.broker.receive(this.options.queue, {
      maxMessages: this.batchSize,
      ...(waitTimeSeconds === undefined ? {} : { waitTimeSeconds }),
      ...(signal ? { signal } : {}),
    });
  }

  private async invoke(batch: readonly BrokerMessage[]): Promise<InvocationResult> {
    const { broker, queue, handler } = this.options;
    const region = this.options.awsRegion ?? 'local';
    const functionName = this.options.functionName ?? `${queue}-consumer`;
    const event = { Records: batch.map((m) => sqsRecord(m, broker.queueArn(queue), region)) };
    const ids = batch.map((m) => m.messageId);
    let response: unknown;
    try {
      response = await handler(event, lambdaContext(functionName, region, this.options.timeoutMs ?? 30_000));
    } catch (error) {
      this.logger.error(
        { queue, functionName, err: error, messageIds: ids },
        'handler threw; the whole batch will be retried',
      );
      return { received: batch.length, deleted: 0, retried: ids };
    }
    const outcome = batchOutcome(response, ids);
    if (outcome.kind === 'failure') {
      this.logger.error({ queue, functionName, reason: outcome.reason }, 'the whole batch will be retried');
      return { received: batch.length, deleted: 0, retried: ids };
    }
    const failed = outcome.kind === 'partial' ? outcome.failedIds : new Set<string>();
    const done = batch.filter((m) => !failed.has(m.messageId)).map((m) => m.receiptHandle);
    if (done.length > 0) await broker.deleteBatch(queue, done);
    if (failed.size > 0)
      this.logger.warn({ queue, functionName, retried: [...failed] }, 'records left for retry');
    return { received: batch.length, deleted: done.length, retried: [...failed] };
  }
}
