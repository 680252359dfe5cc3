/**
 * Messaging ports. Services publish and consume only through these, so the same
 * code runs on the embedded broker and on SNS/SQS (ARCHITECTURE.md, principle 2).
 * No AWS SDK type appears here.
 */

/** SNS/SQS message attributes: a string is sent as DataType String, a number as Number. */
export type MessageAttributes = Readonly<Record<string, string | number>>;

export interface OutgoingMessage {
  readonly body: string;
  readonly attributes?: MessageAttributes;
}

/** A message for a topic; `subject` becomes the SNS Subject (the email subscription's subject line). */
export type TopicMessage = OutgoingMessage & { readonly subject?: string };

/** A message for a queue; `delaySeconds` (0–900) overrides the queue's delay. */
export type QueueMessage = OutgoingMessage & { readonly delaySeconds?: number };

export interface TopicPublisher {
  publish(topic: string, message: TopicMessage): Promise<{ messageId: string }>;
  /**
   * Publishes 1 to 10 messages of at most 256 KiB together in one request and
   * resolves with their message ids, in the order of `messages`.
   *
   * On failure it rejects, and the error says which entries the caller may mark sent:
   * - `PartialBatchError` (code `BATCH_PARTIALLY_ACCEPTED`): the first `accepted`
   *   entries were delivered (their ids in `messageIds`); those from index
   *   `accepted` on count as not delivered, although some of them may have been
   *   (SNS reports each entry on its own), so sending them again is at least once;
   * - any other error (invalid batch, unknown topic, network, throttling): nothing
   *   counts as delivered.
   * The embedded broker is all or nothing and never rejects with `PartialBatchError`.
   */
  publishBatch(topic: string, messages: readonly TopicMessage[]): Promise<readonly string[]>;
}

export interface QueueSender {
  send(queue: string, message: QueueMessage): Promise<{ messageId: string }>;
  /**
   * Sends 1 to 10 messages of at most 256 KiB together in one request and
   * resolves with their message ids, in order. Fails as
   * {@link TopicPublisher.publishBatch} does: `PartialBatchError` tells how many
   * leading entries were accepted; any other error means none was.
   */
  sendBatch(queue: string, messages: readonly QueueMessage[]): Promise<readonly string[]>;
}

/** A message as a consumer receives it. */
export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
  /** 1 on first delivery. */
  readonly receiveCount: number;
  readonly sentAt: Date;
}

/**
 * Handles one batch. Returns the ids of the messages that failed; they stay on the
 * queue and come back after the visibility timeout. Throwing fails the whole batch.
 */
export type BatchHandler = (
  messages: readonly ReceivedMessage[],
) => Promise<{ failedMessageIds: readonly string[] }>;

export interface QueueConsumer {
  /** Starts polling `queue` and handing batches (at most `batchSize`, ≤ 10) to `handler`. */
  start(queue: string, handler: BatchHandler, options?: { batchSize?: number }): void;
  /** Stops polling and waits for the batch in flight. */
  stop(): Promise<void>;
}

/** Where an outbox row goes. */
export type OutboxDestination = { readonly kind: 'topic' | 'queue'; readonly name: string };

/** A message written in the same transaction as the state change that caused it. */
export interface OutboxMessage {
  readonly id: string;
  readonly destination: OutboxDestination;
  readonly body: string;
  readonly attributes: MessageAttributes;
  readonly createdAt: Date;
}

/**
 * The relay's view of a service's outbox: pending messages in write order, and
 * marking them sent. Each store (SQL, document) provides an adapter.
 */
export interface OutboxStore {
  fetchPending(limit: number): Promise<readonly OutboxMessage[]>;
  markSent(ids: readonly string[]): Promise<void>;
}
