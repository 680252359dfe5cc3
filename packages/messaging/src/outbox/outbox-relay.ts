/**
 * Publishes a service's outbox. Messages go out one by one in write order and
 * each is marked sent right after its publish; the first failure ends the pass,
 * so order holds and nothing is skipped, and the relay retries with exponential
 * backoff until the broker is back. Delivery is at least once: a crash between
 * publish and mark sends that one message again, and consumers are idempotent.
 */
import { abortableSleep } from '../abortable-sleep';
import { silentLogger, type MessagingLogger } from '../logger';
import type { OutboxMessage, OutboxStore, QueueSender, TopicPublisher } from '../ports';

export interface OutboxRelayOptions {
  readonly store: OutboxStore;
  readonly publisher: TopicPublisher;
  readonly sender: QueueSender;
  /** Messages fetched per query. @default 100 */
  readonly batchSize?: number;
  /** Pause between passes when the outbox was empty; `wake()` cuts it short. @default 1000 */
  readonly idleIntervalMs?: number;
  /** First pause after a failure, doubled each time. @default 500 */
  readonly initialBackoffMs?: number;
  /** @default 30000 */
  readonly maxBackoffMs?: number;
  /** @default silent */
  readonly logger?: MessagingLogger;
}

export interface DrainResult {
  readonly published: number;
  /** Set when the pass stopped at a failure; the failed message and those after it stay pending. */
  readonly error?: unknown;
}

export class OutboxRelay {
  private readonly options: Required<Omit<OutboxRelayOptions, 'store' | 'publisher' | 'sender'>>;
  private stopping = new AbortController();
  private wakeUp = new AbortController();
  private loop: Promise<void> | undefined;
  private pass: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OutboxRelayOptions) {
    this.options = {
      batchSize: deps.batchSize ?? 100,
      idleIntervalMs: deps.idleIntervalMs ?? 1000,
      initialBackoffMs: deps.initialBackoffMs ?? 500,
      maxBackoffMs: deps.maxBackoffMs ?? 30_000,
      logger: deps.logger ?? silentLogger,
    };
  }

  /** One pass: publishes everything pending, in order, until the outbox is empty or a publish fails. */
  drainOnce(): Promise<DrainResult> {
    // Passes never overlap, or two of them could publish the same message out of order.
    const next = this.pass.then(() => this.drain());
    this.pass = next.catch(() => undefined);
    return next;
  }

  /** Starts relaying in the background until `stop()`. */
  start(): void {
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  /** Stops relaying and waits for the pass in progress to finish. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    this.loop = undefined;
  }

  /** Ends the idle pause early; call it after committing a transaction that wrote to the outbox. */
  wake(): void {
    this.wakeUp.abort();
  }

  private async drain(): Promise<DrainResult> {
    let published = 0;
    try {
      for (;;) {
        const pending = await this.deps.store.fetchPending(this.options.batchSize);
        for (const message of pending) {
          await this.deliver(message);
          await this.deps.store.markSent([message.id]);
          published++;
        }
        if (pending.length < this.options.batchSize || this.stopping.signal.aborted) return { published };
      }
    } catch (error) {
      return { published, error };
    }
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const outgoing = { body: message.body, attributes: message.attributes };
    if (message.destination.kind === 'topic')
      await this.deps.publisher.publish(message.destination.name, outgoing);
    else await this.deps.sender.send(message.destination.name, outgoing);
  }

  private async run(): Promise<void> {
    const { logger } = this.options;
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      this.wakeUp = new AbortController();
      const { published, error } = await this.drainOnce();
      if (published > 0) logger.info({ published }, 'outbox messages published');
      let pause = this.options.idleIntervalMs;
      if (error === undefined) failures = 0;
      else {
        failures++;
        pause = Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** (failures - 1));
        logger.warn({ err: error, failures, retryInMs: pause }, 'outbox relay could not publish; retrying');
      }
      const interrupt = AbortSignal.any([
        this.stopping.signal,
        ...(error === undefined ? [this.wakeUp.signal] : []),
      ]);
      await abortableSleep(pause, interrupt);
    }
  }
}
