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

export interface TopicPublisher {
  /** `subject` becomes the SNS Subject (the email subscription's subject line). */
  publish(topic: string, message: OutgoingMessage & { subject?: string }): Promise<{ messageId: string }>;
}

export interface QueueSender {
  send(queue: string, message: OutgoingMessage & { delaySeconds?: number }): Promise<{ messageId: string }>;
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
