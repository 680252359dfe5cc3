/**
 * Lambda's reading of a partial batch response (ReportBatchItemFailures): no
 * response or an empty list is full success; an itemIdentifier that is missing,
 * empty or not a message of the batch makes the whole batch a failure.
 */
import { z } from 'zod';

const responseSchema = z
  .object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.unknown() })).nullish() })
  .nullish();

export type BatchOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'partial'; readonly failedIds: ReadonlySet<string> }
  | { readonly kind: 'failure'; readonly reason: string };

export function batchOutcome(response: unknown, batchIds: readonly string[]): BatchOutcome {
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success) return { kind: 'failure', reason: 'the handler returned an invalid batch response' };
  const failures = parsed.data?.batchItemFailures ?? [];
  if (failures.length === 0) return { kind: 'success' };
  const known = new Set(batchIds);
  const failedIds = new Set<string>();
  for (const { itemIdentifier } of failures) {
    if (typeof itemIdentifier !== 'string' || !known.has(itemIdentifier)) {
      return {
        kind: 'failure',
        reason: `batchItemFailures names ${JSON.stringify(itemIdentifier)}, not a record of the batch`,
      };
    }
    failedIds.add(itemIdentifier);
  }
  return { kind: 'partial', failedIds };
}
