/**
 * A durable broker with SQS/SNS semantics over one SQLite file, shared by every
 * process of the local platform. All state lives in the database; long polling
 * re-checks it at a short interval (and at once when this instance sends).
 */
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import { MessagingError } from '../errors';
import { silentLogger, type MessagingLogger } from '../logger';
import type { QueueConsumer, QueueMessage, QueueSender, TopicMessage, TopicPublisher } from '../ports';
import { localQueueArn } from '../sns-envelope';
import {
  checkBatch,
  checkBatchSize,
  checkIntegerRange,
  MAX_DELAY_SECONDS,
  MAX_VISIBILITY_SECONDS,
  MAX_WAIT_SECONDS,
} from '../validation';
import { CLOUD_TOPOLOGY, type BrokerTopology } from './broker-topology';
import { EmbeddedQueueConsumer } from './embedded-consumer';
import { QueueStore } from './queue-store';
import { configureConnection, provision } from './schema';
import { TopicStore } from './topic-store';
import {
  systemClock,
  type BrokerMessage,
  type Clock,
  type EndpointDelivery,
  type PeekedMessage,
  type QueueInfo,
  type QueueStats,
  type SubscriptionInfo,
} from './types';

export interface EmbeddedBrokerOptions {
  /** The SQLite file; created with its parent folder's permissions if missing. */
  readonly path: string;
  /** @default the system clock */
  readonly clock?: Clock;
  /** @default the cloud topology of topology.ts */
  readonly topology?: BrokerTopology;
  /** How often a long poll re-checks the file for messages sent by other processes. @default 100 */
  readonly pollIntervalMs?: number;
  /** How long an operation waits for another process's lock. @default 5000 */
  readonly busyTimeoutMs?: number;
  /** @default silent */
  readonly logger?: MessagingLogger;
}

export interface ReceiveOptions {
  /** 1 to 10. @default 1 */
  readonly maxMessages?: number;
  /** Long polling, 0 to 20 s. @default the queue's receive wait time (20 s for the cloud queues) */
  readonly waitTimeSeconds?: number;
  /** @default the queue's visibility timeout */
  readonly visibilityTimeoutSeconds?: number;
  /** Ends a long poll early (returning no messages). */
  readonly signal?: AbortSignal;
}

const PURGE_EVERY_MS = 60_000;
/** Key of the endpoint-delivery purge in `lastPurge` (queue names never contain a space). */
const ENDPOINT_DELIVERIES = 'endpoint deliveries';

export class EmbeddedBroker implements TopicPublisher, QueueSender {
  private readonly queues: QueueStore;
  private readonly topics: TopicStore;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly logger: MessagingLogger;
  private readonly sent = new EventEmitter().setMaxListeners(0);
  private readonly closing = new AbortController();
  private readonly consumers = new Set<EmbeddedQueueConsumer>();
  private readonly lastPurge = new Map<string, number>();

  private constructor(
    private readonly db: Database.Database,
    options: EmbeddedBrokerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.logger = options.logger ?? silentLogger;
    this.queues = new QueueStore(db);
    this.topics = new TopicStore(db);
  }

  /** Opens (or creates) the broker file and provisions its queues, DLQs, topics and subscriptions. */
  static open(options: EmbeddedBrokerOptions): EmbeddedBroker {
    const db = new Database(options.path);
    try {
      configureConnection(db, options.busyTimeoutMs ?? 5000);
      provision(db, options.topology ?? CLOUD_TOPOLOGY);
    } catch (error) {
      db.close();
      throw error;
    }
    return new EmbeddedBroker(db, options);
  }

  async publish(topic: string, message: TopicMessage): Promise<{ messageId: string }> {
    const [messageId] = await this.publishBatch(topic, [message]);
    if (messageId === undefined) throw new MessagingError('INVALID_PARAMETER', 'nothing was published');
    return { messageId };
  }

  /**
   * Publishes 1 to 10 messages (≤ 256 KiB together) in one transaction: every
   * message reaches every matching subscription, or none does. Returns the ids in order.
   */
  async publishBatch(topic: string, messages: readonly TopicMessage[]): Promise<string[]> {
    this.ensureOpen();
    checkBatch(messages);
    const now = this.clock.now();
    const messageIds = this.topics.publish(topic, messages, now);
    const lastPurge = this.lastPurge.get(ENDPOINT_DELIVERIES);
    if (lastPurge === undefined || now - lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge.set(ENDPOINT_DELIVERIES, now);
      this.topics.purgeEndpointDeliveries(now);
    }
    this.sent.emit('sent');
    return messageIds;
  }

  async send(queue: string, message: QueueMessage): Promise<{ messageId: string }> {
    const [messageId] = await this.sendBatch(queue, [message]);
    if (messageId === undefined) throw new MessagingError('INVALID_PARAMETER', 'nothing was sent');
    return { messageId };
  }

  /** Sends 1 to 10 messages (≤ 256 KiB together) atomically; returns their ids in order. */
  async sendBatch(queue: string, messages: readonly QueueMessage[]): Promise<string[]> {
    this.ensureOpen();
    checkBatch(messages);
    for (const m of messages) {
      if (m.delaySeconds !== undefined)
        checkIntegerRange('delaySeconds', m.delaySeconds, 0, MAX_DELAY_SECONDS);
    }
    const ids = this.queues.send(queue, messages, this.clock.now());
    this.sent.emit('sent');
    return ids;
  }

  /** Receives up to maxMessages, long polling until one is visible or the wait time ends. */
  async receive(queue: string, options: ReceiveOptions = {}): Promise<BrokerMessage[]> {
    this.ensureOpen();
    const max = checkBatchSize(options.maxMessages ?? 1);
    const q = this.queues.queueRow(queue);
    const wait = checkIntegerRange(
      'waitTimeSeconds',
      options.waitTimeSeconds ?? q.receive_wait_s,
      0,
      MAX_WAIT_SECONDS,
    );
    const visibility = options.visibilityTimeoutSeconds;
    if (visibility !== undefined)
      checkIntegerRange('visibilityTimeoutSeconds', visibility, 0, MAX_VISIBILITY_SECONDS);
    const deadline = performance.now() + wait * 1000;
    for (let attempt = 0; ; attempt++) {
      this.ensureOpen();
      const now = this.clock.now();
      this.purgeIfDue(queue, now);
      // Re-polls look before taking the write lock, so idle consumers do not block senders.
      if (attempt === 0 || this.queues.hasVisible(queue, now)) {
        const received = this.queues.receive(queue, max, visibility, now);
        if (received.length > 0) return received;
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0 || options.signal?.aborted) return [];
      await this.waitForSend(Math.min(remaining, this.pollIntervalMs), options.signal);
    }
  }

  async delete(queue: string, receiptHandle: string): Promise<boolean> {
    this.ensureOpen();
    return this.queues.delete(queue, receiptHandle);
  }

  /** Deletes 1 to 10 messages; each entry says whether that handle deleted its message. */
  async deleteBatch(queue: string, receiptHandles: readonly string[]): Promise<boolean[]> {
    this.ensureOpen();
    checkBatchSize(receiptHandles.length);
    return this.queues.deleteBatch(queue, receiptHandles);
  }

  async changeVisibility(queue: string, receiptHandle: string, seconds: number): Promise<boolean> {
    this.ensureOpen();
    checkIntegerRange('visibilityTimeoutSeconds', seconds, 0, MAX_VISIBILITY_SECONDS);
    return this.queues.changeVisibility(queue, receiptHandle, seconds, this.clock.now());
  }

  stats(queue: string): QueueStats {
    this.ensureOpen();
    return this.queues.stats(queue, this.clock.now());
  }

  listQueues(): QueueInfo[] {
    this.ensureOpen();
    return this.queues.listQueues();
  }

  queueArn(queue: string): string {
    return localQueueArn(this.queues.queueRow(queue).name);
  }

  /** Reads messages without receiving them: no receive count, no visibility change. */
  peek(queue: string, max: number): PeekedMessage[] {
    this.ensureOpen();
    return this.queues.peek(queue, max, this.clock.now());
  }

  /** Moves up to `max` available messages of a dead-letter queue back to their source queue. */
  redrive(deadLetterQueue: string, max = Number.MAX_SAFE_INTEGER): number {
    this.ensureOpen();
    const moved = this.queues.redrive(deadLetterQueue, max, this.clock.now());
    if (moved > 0) this.sent.emit('sent');
    return moved;
  }

  listTopics(): string[] {
    return this.topics.listTopics();
  }

  listSubscriptions(topic?: string): SubscriptionInfo[] {
    return this.topics.listSubscriptions(topic);
  }

  listEndpointDeliveries(subscriptionId: string): EndpointDelivery[] {
    return this.topics.listEndpointDeliveries(subscriptionId);
  }

  /** A QueueConsumer on this broker; it is stopped by `close()`. */
  consumer(options: { waitTimeSeconds?: number; logger?: MessagingLogger } = {}): QueueConsumer {
    const consumer = new EmbeddedQueueConsumer(this, options.logger ?? this.logger, options.waitTimeSeconds);
    this.consumers.add(consumer);
    return consumer;
  }

  /** Stops this broker's consumers, ends pending long polls and closes the file. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.closing.abort();
    this.db.close();
  }

  private ensureOpen(): void {
    if (this.closing.signal.aborted)
      throw new MessagingError('BROKER_CLOSED', 'the embedded broker is closed');
  }

  private purgeIfDue(queue: string, now: number): void {
    const last = this.lastPurge.get(queue);
    if (last !== undefined && now - last < PURGE_EVERY_MS) return;
    this.lastPurge.set(queue, now);
    const purged = this.queues.purgeExpired(queue, now);
    if (purged > 0) this.logger.info({ queue, purged }, 'expired messages removed');
  }

  private waitForSend(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const signals = [this.closing.signal, ...(signal ? [signal] : [])];
      const done = () => {
        clearTimeout(timer);
        this.sent.off('sent', done);
        for (const s of signals) s.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sent.on('sent', done);
      for (const s of signals) s.addEventListener('abort', done, { once: true });
    });
  }
}
