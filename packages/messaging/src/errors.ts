/** Stable codes of the messaging package; callers branch on `code`, never on the message. */
export type MessagingErrorCode =
  | 'QUEUE_NOT_FOUND'
  | 'TOPIC_NOT_FOUND'
  | 'INVALID_PARAMETER'
  | 'INVALID_RECEIPT_HANDLE'
  | 'INVALID_FILTER_POLICY'
  | 'BROKER_CLOSED';

export class MessagingError extends Error {
  override readonly name = 'MessagingError';

  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function queueNotFound(name: string, known: readonly string[]): MessagingError {
  return new MessagingError('QUEUE_NOT_FOUND', `unknown queue "${name}"; known queues: ${known.join(', ')}`);
}

export function topicNotFound(name: string, known: readonly string[]): MessagingError {
  return new MessagingError('TOPIC_NOT_FOUND', `unknown topic "${name}"; known topics: ${known.join(', ')}`);
}
