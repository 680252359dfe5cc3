import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { localDynamoClient } from '../workers/audit-table';

const storeSchema = z.object({
  emails: z.array(
    z.object({
      messageId: z.string(),
      from: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
    }),
  ),
});

export type StoredEmail = z.infer<typeof storeSchema>['emails'][number];

/** Every email the local SES server accepted (its `GET /store`). */
export async function mailbox(sesUrl: string): Promise<StoredEmail[]> {
  const response = await fetch(`${sesUrl}/store`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${sesUrl}/store answered ${response.status}`);
  return storeSchema.parse(await response.json()).emails;
}

export interface AuditRecord {
  readonly id: string;
  readonly type: string;
  readonly recipient: string;
  readonly subject: string | undefined;
  readonly status: string;
  readonly attempts: number;
  readonly service: string;
}

const text = z.object({ S: z.string() });
const auditItem = z.object({
  id: text,
  type: text,
  recipient: text,
  subject: z.union([text, z.object({ NULL: z.literal(true) })]).optional(),
  status: text,
  attempts: z.object({ N: z.string() }),
  service: text,
});

/** The audit table of the notifications function, read from dynalite. */
export async function auditRecords(dynaliteUrl: string, tableName: string): Promise<AuditRecord[]> {
  const client = localDynamoClient(dynaliteUrl, 'us-east-1');
  try {
    const records: AuditRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: tableName, ...(start ? { ExclusiveStartKey: start as never } : {}) }),
      );
      for (const raw of page.Items ?? []) {
        const item = auditItem.parse(raw);
        records.push({
          id: item.id.S,
          type: item.type.S,
          recipient: item.recipient.S,
          subject: item.subject !== undefined && 'S' in item.subject ? item.subject.S : undefined,
          status: item.status.S,
          attempts: Number(item.attempts.N),
          service: item.service.S,
        });
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return records;
  } finally {
    client.destroy();
  }
}
