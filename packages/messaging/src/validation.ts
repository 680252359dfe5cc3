/** The SQS/SNS request limits the embedded broker enforces, so code that passes here passes on AWS. */
import { MessagingError } from './errors';
import type { MessageAttributes, OutgoingMessage } from './ports';

export const MAX_BATCH_SIZE = 10;
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** SNS PublishBatch and SQS SendMessageBatch: the total of all entries. */
export const MAX_BATCH_BYTES = 256 * 1024;
export const MAX_DELAY_SECONDS = 900;
export const MAX_WAIT_SECONDS = 20;
export const MAX_VISIBILITY_SECONDS = 12 * 60 * 60;
const MAX_ATTRIBUTES = 10;
const ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)[A-Za-z0-9_\-.]{1,256}$/i;

function invalid(message: string): MessagingError {
  return new MessagingError('INVALID_PARAMETER', message);
}

export function checkIntegerRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be an integer from ${min} to ${max}; got ${value}`);
  }
  return value;
}

export function checkBatchSize(size: number): number {
  return checkIntegerRange('batch size', size, 1, MAX_BATCH_SIZE);
}

/** The bytes SNS and SQS count against their size limits: the body, and each attribute's name and value. */
export function messageBytes(body: string, attributes: MessageAttributes = {}): number {
  let bytes = Buffer.byteLength(body);
  for (const [name, value] of Object.entries(attributes)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(String(value));
  }
  return bytes;
}

/** Checks one message and returns its size; `entry` (its index in a batch) prefixes the error. */
export function checkMessage(body: string, attributes: MessageAttributes, entry?: number): number {
  const where = entry === undefined ? '' : `entry ${entry}: `;
  if (body.length === 0) throw invalid(`${where}a message body must not be empty`);
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES) {
    throw invalid(`${where}a message carries at most ${MAX_ATTRIBUTES} attributes; got ${entries.length}`);
  }
  for (const [name, value] of entries) {
    if (!ATTRIBUTE_NAME.test(name)) throw invalid(`${where}invalid message attribute name "${name}"`);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw invalid(`${where}message attribute "${name}" must be a finite number`);
    }
  }
  const bytes = messageBytes(body, attributes);
  if (bytes > MAX_MESSAGE_BYTES)
    throw invalid(`${where}a message is at most ${MAX_MESSAGE_BYTES} bytes; got ${bytes}`);
  return bytes;
}

/** A batch request (SNS PublishBatch, SQS SendMessageBatch): 1 to 10 valid messages of at most 256 KiB together. */
export function checkBatch(messages: readonly OutgoingMessage[]): void {
  checkBatchSize(messages.length);
  let total = 0;
  messages.forEach((m, i) => {
    total += checkMessage(m.body, m.attributes ?? {}, messages.length > 1 ? i : undefined);
  });
  if (total > MAX_BATCH_BYTES) {
    throw invalid(`a batch is at most ${MAX_BATCH_BYTES} bytes in total; got ${total}`);
  }
}
