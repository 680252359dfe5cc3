/**
 * Why a record can never be processed as it is. Retrying does not help: the record
 * fails, is retried by SQS and ends in the dead-letter queue after maxReceiveCount,
 * with this reason in the logs each time.
 */
export type RejectionCode =
  | 'BODY_NOT_JSON'
  | 'ENVELOPE_MESSAGE_NOT_JSON'
  | 'INVALID_MESSAGE'
  | 'INVALID_EMAIL_RECIPIENT'
  | 'INVALID_SMS_RECIPIENT'
  | 'INVALID_PUSH_RECIPIENT';

export class MessageRejectedError extends Error {
  override readonly name = 'MessageRejectedError';
  constructor(
    readonly code: RejectionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
