/** Row shapes of the broker tables and their conversion to the package's types. */
import { MessagingError } from '../errors';
import type { MessageAttributes } from '../ports';
import type { QueueInfo } from './types';

export function encodeAttributes(attributes: MessageAttributes | undefined): string {
  return JSON.stringify(attributes ?? {});
}

/**
 * Attributes are checked when read back: the file is shared with other processes.
 * A plain loop rather than a schema, since this runs for every received message.
 */
export function decodeAttributes(json: string): MessageAttributes {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MessagingError('INVALID_PARAMETER', `stored message attributes are not an object: ${json}`);
  }
  const attributes: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new MessagingError(
        'INVALID_PARAMETER',
        `stored message attribute "${name}" is neither string nor number`,
      );
    }
    attributes[name] = value;
  }
  return attributes;
}

export interface QueueRow {
  name: string;
  visibility_timeout_s: number;
  retention_s: number;
  receive_wait_s: number;
  delay_s: number;
  max_receive_count: number | null;
  dead_letter_queue: string | null;
  source_queue: string | null;
}

export interface MessageRow {
  seq: number;
  id: string;
  queue: string;
  body: string;
  attributes: string;
  sent_at: number;
  visible_at: number;
  receive_count: number;
  first_received_at: number | null;
  dead_lettered_from: string | null;
}

export function queueInfo(row: QueueRow): QueueInfo {
  return {
    name: row.name,
    visibilityTimeoutSeconds: row.visibility_timeout_s,
    retentionSeconds: row.retention_s,
    receiveWaitTimeSeconds: row.receive_wait_s,
    delaySeconds: row.delay_s,
    ...(row.max_receive_count === null ? {} : { maxReceiveCount: row.max_receive_count }),
    ...(row.dead_letter_queue === null ? {} : { deadLetterQueue: row.dead_letter_queue }),
    ...(row.source_queue === null ? {} : { sourceQueue: row.source_queue }),
  };
}
