/**
 * Maps an SNS PublishBatch or SQS SendMessageBatch response back to its entries.
 * Each entry's Id is its index in the batch; the two responses share this shape.
 */
import { PartialBatchError, type BatchEntryFailure } from '../errors';

interface BatchResponse {
  Successful?: readonly { Id?: string | undefined; MessageId?: string | undefined }[] | undefined;
  Failed?:
    | readonly {
        Id?: string | undefined;
        Code?: string | undefined;
        Message?: string | undefined;
        SenderFault?: boolean | undefined;
      }[]
    | undefined;
}

/** Entry ids: "0" to "9", the index of each message. */
export function entryId(index: number): string {
  return String(index);
}

/**
 * The message ids in entry order, or a PartialBatchError counting the leading
 * entries that succeeded. An entry missing from both lists counts as failed.
 */
export function messageIdsOrThrow(
  service: 'SNS' | 'SQS',
  destination: string,
  count: number,
  response: BatchResponse,
): string[] {
  const succeeded = new Map((response.Successful ?? []).map((s) => [s.Id, s.MessageId]));
  const messageIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const messageId = succeeded.get(entryId(i));
    if (messageId === undefined) break;
    messageIds.push(messageId);
  }
  if (messageIds.length === count) return messageIds;

  const failures: BatchEntryFailure[] = (response.Failed ?? [])
    .map((f) => ({
      index: Number(f.Id),
      code: f.Code ?? 'Unknown',
      message: f.Message ?? '',
      senderFault: f.SenderFault ?? false,
    }))
    .sort((a, b) => a.index - b.index);
  const accepted = messageIds.length;
  const first = failures.find((f) => f.index === accepted) ?? {
    index: accepted,
    code: 'MissingResult',
    message: `${service} returned no message id for this entry`,
    senderFault: false,
  };
  if (!failures.includes(first)) failures.unshift(first);
  throw new PartialBatchError(
    accepted,
    messageIds,
    failures,
    `${service} accepted the first ${accepted} of ${count} entries for ${destination}; ` +
      `entry ${accepted} failed: ${first.code} ${first.message}`.trimEnd(),
  );
}
