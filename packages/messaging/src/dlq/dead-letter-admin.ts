/** What the DLQ tool needs from a broker, embedded or SQS. */
import type { MessageAttributes } from '../ports';

export interface DeadLetterQueueInfo {
  readonly name: string;
  readonly sourceQueue: string;
  /** Messages available to show or redrive. */
  readonly depth: number;
  /** Messages received from the DLQ and not yet visible again. */
  readonly inFlight: number;
}

export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
  readonly receiveCount: number;
  readonly sentAt?: Date;
}

export interface DeadLetterAdmin {
  list(): Promise<readonly DeadLetterQueueInfo[]>;
  /** Up to `max` messages of the DLQ, left in it. */
  show(deadLetterQueue: string, max: number): Promise<readonly DeadLetter[]>;
  /** Moves up to `max` messages back to the source queue, keeping body and attributes; returns how many moved. */
  redrive(deadLetterQueue: string, max: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Finds the DLQ a user means: its own name or its source queue's name.
 * Returns undefined for anything else, so the caller can list the valid names.
 */
export function resolveDeadLetterQueue(
  name: string,
  queues: readonly { name: string; sourceQueue: string }[],
): { name: string; sourceQueue: string } | undefined {
  return queues.find((q) => q.name === name) ?? queues.find((q) => q.sourceQueue === name);
}
