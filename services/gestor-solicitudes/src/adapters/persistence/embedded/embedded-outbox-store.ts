import type { OutboxMessage, OutboxStore } from '@arka/messaging';
import type Database from 'better-sqlite3';
import { fromOutboxRecord, toOutboxRecord } from '../outbox-codec';
import { countOf } from './rows';

/** Appends outbox rows; call it inside the transaction that writes the state change. */
export function appendOutbox(outbox: EmbeddedOutboxStore, messages: readonly OutboxMessage[]): void {
  for (const message of messages) outbox.insert.run(toOutboxRecord(message));
}

/** The relay's view of the embedded store's outbox table: pending rows in write order. */
export class EmbeddedOutboxStore implements OutboxStore {
  /** Used by `appendOutbox`, inside the caller's transaction. */
  readonly insert: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO outbox (id, destination_kind, destination_name, body, attributes, created_at)
       VALUES (@id, @destinationKind, @destinationName, @body, @attributes, @createdAt)`,
    );
  }

  async fetchPending(limit: number): Promise<readonly OutboxMessage[]> {
    const rows = this.db
      .prepare(
        `SELECT id, destination_kind AS destinationKind, destination_name AS destinationName,
                body, attributes, created_at AS createdAt
         FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?`,
      )
      .all(Math.max(0, Math.trunc(limit)));
    return rows.map(fromOutboxRecord);
  }

  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const update = this.db.prepare('UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL');
    const sentAt = this.clock().toISOString();
    this.db.transaction(() => {
      for (const id of ids) update.run(sentAt, id);
    })();
  }

  /** Rows not yet relayed (tests and health). */
  async pendingCount(): Promise<number> {
    return countOf(this.db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get());
  }
}
