/** Stable codes of the messaging package; callers branch on `code`, never on the message. */
export type MessagingErrorCode =
  | 'QUEUE_NOT_FOUND'
  | 'TOPIC_NOT_FOUND'
  | 'INVALID_PARAMETER'
  | 'INVALID_RECEIPT_HANDLE'
  | 'INVALID_FILTER_POLICY'
  | 'BROKER_CLOSED'
  | 'BATCH_PARTIALLY_ACCEPTED';

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

/** Why the broker refused one entry of a batch (SNS/SQS `BatchResultErrorEntry`). */
export interface BatchEntryFailure {
  /** Position of the entry in the batch. */
  readonly index: number;
  /** The broker's code, e.g. `InternalError`, `InvalidParameter`. */
  readonly code: string;
  readonly message: string;
  /** true: the entry itself is at fault and fails again as it is; false: the broker's fault, worth a retry. */
  readonly senderFault: boolean;
}

/**
 * A batch the broker accepted only in part: the first `accepted` entries were
 * delivered, with the ids `messageIds`; the caller marks exactly those as sent
 * and treats every later entry as not delivered (see `TopicPublisher.publishBatch`).
 */
export class PartialBatchError extends MessagingError {
  constructor(
    readonly accepted: number,
    readonly messageIds: readonly string[],
    readonly failures: readonly BatchEntryFailure[],
    message: string,
  ) {
    super('BATCH_PARTIALLY_ACCEPTED', message);
  }
}

export function queueNotFound(name: string, known: readonly string[]): MessagingError {
  return new MessagingError('QUEUE_NOT_FOUND', `unknown queue "${name}"; known queues: ${known.join(', ')}`);
}

export function topicNotFound(name: string, known: readonly string[]): MessagingError {
  return new MessagingError('TOPIC_NOT_FOUND', `unknown topic "${name}"; known topics: ${known.join(', ')}`);
}
