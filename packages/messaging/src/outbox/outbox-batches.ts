import type { OutboxDestination, OutboxMessage } from '../ports';
import { MAX_BATCH_BYTES, MAX_BATCH_SIZE, messageBytes } from '../validation';

export interface OutboxBatch {
  readonly destination: OutboxDestination;
  readonly messages: readonly OutboxMessage[];
}

function sameDestination(a: OutboxDestination, b: OutboxDestination): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/**
 * Cuts pending messages, kept in write order, into batches of consecutive messages
 * to one destination that SNS/SQS accept in one request: at most 10 messages and
 * 256 KiB together, as `messageBytes` counts them. A message over the limit on its
 * own goes alone, and the broker rejects it as it would a single publish.
 */
export function outboxBatches(messages: readonly OutboxMessage[]): OutboxBatch[] {
  const batches: OutboxBatch[] = [];
  let current: OutboxMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = messageBytes(message.body, message.attributes);
    const head = current[0];
    if (
      head &&
      (!sameDestination(head.destination, message.destination) ||
        current.length === MAX_BATCH_SIZE ||
        bytes + size > MAX_BATCH_BYTES)
    ) {
      batches.push({ destination: head.destination, messages: current });
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  const head = current[0];
  if (head) batches.push({ destination: head.destination, messages: current });
  return batches;
}
