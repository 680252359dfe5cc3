/** Row shapes of the broker tables and their conversion to the package's types. */
import { z } from 'zod';
import type { MessageAttributes } from '../ports';
import type { QueueInfo } from './types';

const attributesSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export function encodeAttributes(attributes: MessageAttributes | undefined): string {
  return JSON.stringify(attributes ?? {});
}

/** Attributes are read back through a schema: the file is shared with other processes. */
export function decodeAttributes(json: string): MessageAttributes {
  return attributesSchema.parse(JSON.parse(json));
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
