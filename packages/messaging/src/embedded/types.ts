import type { MessageAttributes, ReceivedMessage } from '../ports';

/** Milliseconds since the epoch; injectable so visibility, delay and retention need no sleeping in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A received message with what the Lambda event source needs beyond the port. */
export interface BrokerMessage extends ReceivedMessage {
  readonly queue: string;
  readonly firstReceivedAt: Date;
  readonly senderId: string;
}

/** A message read without receiving it (the DLQ tool shows these). */
export interface PeekedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
  readonly receiveCount: number;
  readonly sentAt: Date;
  /** The queue it was moved from, for a message in a dead-letter queue. */
  readonly deadLetteredFrom?: string;
}

export interface QueueStats {
  readonly queue: string;
  /** Available to receive now (SQS ApproximateNumberOfMessages). */
  readonly visible: number;
  /** Received and not yet deleted or timed out (ApproximateNumberOfMessagesNotVisible). */
  readonly inFlight: number;
  /** Sent with a delay that has not passed (ApproximateNumberOfMessagesDelayed). */
  readonly delayed: number;
}

export interface QueueInfo {
  readonly name: string;
  readonly visibilityTimeoutSeconds: number;
  readonly retentionSeconds: number;
  readonly receiveWaitTimeSeconds: number;
  readonly delaySeconds: number;
  readonly maxReceiveCount?: number;
  readonly deadLetterQueue?: string;
  /** Set on a dead-letter queue: the queue whose failures it holds. */
  readonly sourceQueue?: string;
}

export interface SubscriptionInfo {
  readonly id: string;
  readonly topic: string;
  readonly protocol: 'sqs' | 'email';
  readonly endpoint: string;
  readonly rawMessageDelivery: boolean;
  readonly filterPolicy?: Record<string, unknown>;
}

/** A message an email subscription matched; nothing sends it locally, so it is kept to be listed. */
export interface EndpointDelivery {
  readonly subscriptionId: string;
  readonly messageId: string;
  readonly subject?: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
  readonly deliveredAt: Date;
}
