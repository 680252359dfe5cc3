import type { MessageAttributes, OutboxMessage, OutboxStore } from '@arka/messaging';
import { sql, type Generated, type Kysely, type Migration } from 'kysely';
import { z } from 'zod';

interface OutboxRow {
  seq: Generated<number>;
  id: string;
  destination_kind: string;
  destination_name: string;
  body: string;
  attributes: string;
  created_at: string;
  /** NULL while a row waits: relayed rows are deleted (markSent), not stamped. */
  sent_at: string | null;
}
type OutboxDb = Record<string, OutboxRow>;

/** Migration creating a service's outbox table (its name is the service's choice). */
export function outboxMigration(table: string): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable(table)
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('destination_kind', 'varchar(8)', (c) => c.notNull())
        .addColumn('destination_name', 'varchar(128)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('attributes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex(`${table}_pending_idx`).on(table).columns(['sent_at', 'seq']).execute();
    },
    async down(db) {
      await db.schema.dropTable(table).execute();
    },
  };
}

/**
 * Appends messages to the outbox. Call it with the transaction that writes the
 * state change, so both commit or neither does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's schema: the outbox table is addressed by name
type AnyKysely = Kysely<any>;

export async function appendToOutbox(
  trx: AnyKysely,
  table: string,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await (trx as Kysely<OutboxDb>)
    .insertInto(table)
    .values(
      messages.map((m) => ({
        id: m.id,
        destination_kind: m.destination.kind,
        destination_name: m.destination.name,
        body: m.body,
        attributes: JSON.stringify(m.attributes),
        created_at: m.createdAt.toISOString(),
        sent_at: null,
      })),
    )
    .execute();
}

const attributesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
const kindSchema = z.enum(['topic', 'queue']);

/** The relay's view of a SQL outbox table. */
export class SqlOutboxStore implements OutboxStore {
  private readonly db: Kysely<OutboxDb>;

  constructor(
    db: AnyKysely,
    private readonly table: string,
  ) {
    this.db = db as Kysely<OutboxDb>;
  }

  async fetchPending(limit: number): Promise<readonly OutboxMessage[]> {
    const rows = await this.db
      .selectFrom(this.table)
      .selectAll()
      .where('sent_at', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      destination: { kind: kindSchema.parse(row.destination_kind), name: row.destination_name },
      body: row.body,
      attributes: attributesSchema.parse(JSON.parse(row.attributes)) as MessageAttributes,
      createdAt: new Date(row.created_at),
    }));
  }

  /**
   * Deletes the relayed rows: the table holds only what is still to publish, so it
   * stays small and each mark is one index probe instead of rewriting the row (and
   * its whole body) to set sent_at.
   */
  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom(this.table)
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Rows not yet relayed (health and tests). */
  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom(this.table)
      .select(sql<number>`count(*)`.as('n'))
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
