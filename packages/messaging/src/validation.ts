/** The SQS/SNS request limits the embedded broker enforces, so code that passes here passes on AWS. */
import { MessagingError } from './errors';
import type { MessageAttributes } from './ports';

export const MAX_BATCH_SIZE = 10;
export const MAX_MESSAGE_BYTES = 256 * 1024;
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

export function checkMessage(body: string, attributes: MessageAttributes): void {
  if (body.length === 0) throw invalid('a message body must not be empty');
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES) {
    throw invalid(`a message carries at most ${MAX_ATTRIBUTES} attributes; got ${entries.length}`);
  }
  let bytes = Buffer.byteLength(body);
  for (const [name, value] of entries) {
    if (!ATTRIBUTE_NAME.test(name)) throw invalid(`invalid message attribute name "${name}"`);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw invalid(`message attribute "${name}" must be a finite number`);
    }
    bytes += Buffer.byteLength(name) + Buffer.byteLength(String(value));
  }
  if (bytes > MAX_MESSAGE_BYTES)
    throw invalid(`a message is at most ${MAX_MESSAGE_BYTES} bytes; got ${bytes}`);
}
