/**
 * The queue operations of the embedded broker, each one short SQLite transaction.
 * Writers take the lock up front (BEGIN IMMEDIATE), so two processes receiving
 * from one queue are serialised and never hand out the same message while it is
 * invisible.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MessagingError, queueNotFound } from '../errors';
import type { QueueMessage } from '../ports';
import { decodeAttributes, encodeAttributes, queueInfo, type MessageRow, type QueueRow } from './rows';
import type { BrokerMessage, PeekedMessage, QueueInfo, QueueStats } from './types';

export const EMBEDDED_SENDER_ID = 'AIDAEMBEDDEDBROKER0000';

const QUEUE_CACHE_MS = 1000;
const RECEIPT_HANDLE = /^(\d+)\.([A-Za-z0-9_-]{16})$/;

function parseReceiptHandle(handle: string): { seq: number; token: string } {
  const match = RECEIPT_HANDLE.exec(handle);
  if (!match?.[1] || !match[2]) {
    throw new MessagingError('INVALID_RECEIPT_HANDLE', `"${handle}" is not a receipt handle of this broker`);
  }
  return { seq: Number(match[1]), token: match[2] };
}

export class QueueStore {
  private readonly statements;
  private readonly queueCache = new Map<string, { row: QueueRow; at: number }>();
  private readonly insertBySize = new Map<number, Database.Statement>();
  private readonly markReceivedBySize = new Map<number, Database.Statement>();
  private readonly deleteBySize = new Map<number, Database.Statement<unknown[], { seq: number }>>();

  constructor(private readonly db: Database.Database) {
    this.statements = {
      queue: db.prepare<[string], QueueRow>('SELECT * FROM queues WHERE name = ?'),
      queues: db.prepare<[], QueueRow>('SELECT * FROM queues ORDER BY name'),
      visible: db.prepare<[string, number, number], MessageRow>(
        'SELECT * FROM messages WHERE queue = ? AND visible_at <= ? ORDER BY visible_at, seq LIMIT ?',
      ),
      anyVisible: db.prepare<[string, number], { one: number }>(
        'SELECT 1 AS one FROM messages WHERE queue = ? AND visible_at <= ? LIMIT 1',
      ),

      deadLetter: db.prepare(
        `UPDATE messages SET queue = ?, visible_at = ?, dead_lettered_from = queue, receipt_token = NULL WHERE seq = ?`,
      ),
      deleteOne: db.prepare('DELETE FROM messages WHERE seq = ?'),
      deleteByHandle: db.prepare('DELETE FROM messages WHERE seq = ? AND queue = ? AND receipt_token = ?'),
      changeVisibility: db.prepare(
        'UPDATE messages SET visible_at = ? WHERE seq = ? AND queue = ? AND receipt_token = ? AND visible_at > ?',
      ),
      purgeExpired: db.prepare('DELETE FROM messages WHERE queue = ? AND sent_at <= ?'),
      stats: db.prepare<
        [number, number, number, string, number],
        { visible: number; inFlight: number; delayed: number }
      >(
        `SELECT COALESCE(SUM(visible_at <= ?), 0) AS visible,
                COALESCE(SUM(visible_at > ? AND receive_count > 0), 0) AS inFlight,
                COALESCE(SUM(visible_at > ? AND receive_count = 0), 0) AS delayed
           FROM messages WHERE queue = ? AND sent_at > ?`,
      ),
      peek: db.prepare<[string, number, number], MessageRow>(
        'SELECT * FROM messages WHERE queue = ? AND sent_at > ? ORDER BY seq LIMIT ?',
      ),
      redrive: db.prepare(
        `UPDATE messages SET queue = ?, visible_at = ?, receive_count = 0, first_received_at = NULL,
           receipt_token = NULL, dead_lettered_from = NULL WHERE seq = ?`,
      ),
    };
  }

  /** One UPDATE per batch: the token is shared, the handle (seq + token) is still unique per message. */
  private markReceived(seqs: readonly number[], visibleUntil: number, now: number, token: string): void {
    let statement = this.markReceivedBySize.get(seqs.length);
    if (!statement) {
      statement = this.db.prepare(
        `UPDATE messages SET visible_at = ?, receive_count = receive_count + 1,
           first_received_at = COALESCE(first_received_at, ?), receipt_token = ?
         WHERE seq IN (${seqs.map(() => '?').join(', ')})`,
      );
      this.markReceivedBySize.set(seqs.length, statement);
    }
    statement.run(visibleUntil, now, token, ...seqs);
  }

  /**
   * Queue settings change only when a process re-provisions the file, so they are
   * cached for a second instead of being read on every operation.
   */
  queueRow(name: string): QueueRow {
    const cached = this.queueCache.get(name);
    if (cached && performance.now() - cached.at < QUEUE_CACHE_MS) return cached.row;
    const row = this.statements.queue.get(name);
    if (!row)
      throw queueNotFound(
        name,
        this.listQueues().map((q) => q.name),
      );
    this.queueCache.set(name, { row, at: performance.now() });
    return row;
  }

  listQueues(): QueueInfo[] {
    return this.statements.queues.all().map(queueInfo);
  }

  /** Inserts the messages with one statement, so all or none are sent. */
  send(queue: string, messages: readonly QueueMessage[], now: number): string[] {
    const q = this.queueRow(queue);
    let statement = this.insertBySize.get(messages.length);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at)
         VALUES ${messages.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.insertBySize.set(messages.length, statement);
    }
    const ids = messages.map(() => randomUUID());
    statement.run(
      messages.flatMap((m, i) => [
        ids[i],
        queue,
        m.body,
        encodeAttributes(m.attributes),
        now,
        now + (m.delaySeconds ?? q.delay_s) * 1000,
      ]),
    );
    return ids;
  }

  /** Cheap read-only check, so an idle long poll does not take the write lock. */
  hasVisible(queue: string, now: number): boolean {
    return this.statements.anyVisible.get(queue, now) !== undefined;
  }

  /**
   * Receives up to `max` visible messages: expired ones are dropped, ones past
   * maxReceiveCount move to the dead-letter queue (as SQS does, on the receive
   * that would exceed it), the rest become invisible with a new receipt handle.
   */
  receive(queue: string, max: number, visibilitySeconds: number | undefined, now: number): BrokerMessage[] {
    return this.db
      .transaction(() => {
        const q = this.queueRow(queue);
        const visibleUntil = now + (visibilitySeconds ?? q.visibility_timeout_s) * 1000;
        const expiredBefore = now - q.retention_s * 1000;
        const token = randomBytes(12).toString('base64url');
        const received: BrokerMessage[] = [];
        // With a visibility timeout of 0 a delivered row stays visible: never take it twice.
        const seen = new Set<number>();
        let candidates = this.statements.visible.all(queue, now, max);
        for (;;) {
          const deliverable: MessageRow[] = [];
          let dropped = 0;
          for (const row of candidates) {
            if (seen.has(row.seq) || deliverable.length + received.length >= max) continue;
            seen.add(row.seq);
            if (row.sent_at <= expiredBefore) {
              this.statements.deleteOne.run(row.seq);
              dropped++;
            } else if (
              q.dead_letter_queue &&
              q.max_receive_count !== null &&
              row.receive_count >= q.max_receive_count
            ) {
              this.statements.deadLetter.run(q.dead_letter_queue, now, row.seq);
              dropped++;
            } else deliverable.push(row);
          }
          if (deliverable.length > 0) {
            this.markReceived(
              deliverable.map((row) => row.seq),
              visibleUntil,
              now,
              token,
            );
            for (const row of deliverable) received.push(this.toBrokerMessage(row, token, now));
          }
          // Only rows dropped on the way (expired, dead-lettered) leave room for more.
          if (received.length >= max || dropped === 0) break;
          candidates = this.statements.visible.all(queue, now, max);
        }
        return received;
      })
      .immediate();
  }

  /** Deletes the message if `handle` is its latest receipt handle; a stale handle deletes nothing, as on SQS. */
  delete(queue: string, handle: string): boolean {
    const { seq, token } = parseReceiptHandle(handle);
    return this.statements.deleteByHandle.run(seq, queue, token).changes > 0;
  }

  deleteBatch(queue: string, handles: readonly string[]): boolean[] {
    const parsed = handles.map(parseReceiptHandle);
    let statement = this.deleteBySize.get(parsed.length);
    if (!statement) {
      // One statement for the batch; row values keep each seq paired with its own token.
      // `+queue` keeps SQLite off the queue index, so it looks rows up by primary key
      // instead of scanning the whole queue.
      statement = this.db.prepare<unknown[], { seq: number }>(
        `DELETE FROM messages WHERE +queue = ? AND (seq, receipt_token) IN (VALUES ${parsed.map(() => '(?, ?)').join(', ')})
         RETURNING seq`,
      );
      this.deleteBySize.set(parsed.length, statement);
    }
    const deleted = new Set(
      statement.all(queue, ...parsed.flatMap(({ seq, token }) => [seq, token])).map((r) => r.seq),
    );
    return parsed.map(({ seq }) => deleted.has(seq));
  }

  /** Changes the visibility of an in-flight message; false when it is no longer in flight under this handle. */
  changeVisibility(queue: string, handle: string, seconds: number, now: number): boolean {
    const { seq, token } = parseReceiptHandle(handle);
    return this.statements.changeVisibility.run(now + seconds * 1000, seq, queue, token, now).changes > 0;
  }

  purgeExpired(queue: string, now: number): number {
    const q = this.queueRow(queue);
    return this.statements.purgeExpired.run(queue, now - q.retention_s * 1000).changes;
  }

  stats(queue: string, now: number): QueueStats {
    const q = this.queueRow(queue);
    const row = this.statements.stats.get(now, now, now, queue, now - q.retention_s * 1000);
    return { queue, visible: row?.visible ?? 0, inFlight: row?.inFlight ?? 0, delayed: row?.delayed ?? 0 };
  }

  peek(queue: string, max: number, now: number): PeekedMessage[] {
    const q = this.queueRow(queue);
    return this.statements.peek.all(queue, now - q.retention_s * 1000, max).map((row) => ({
      messageId: row.id,
      body: row.body,
      attributes: decodeAttributes(row.attributes),
      receiveCount: row.receive_count,
      sentAt: new Date(row.sent_at),
      ...(row.dead_lettered_from === null ? {} : { deadLetteredFrom: row.dead_lettered_from }),
    }));
  }

  /** Moves up to `max` available messages of a dead-letter queue back to their source queue, as new. */
  redrive(deadLetterQueue: string, max: number, now: number): number {
    return this.db
      .transaction(() => {
        const dlq = this.queueRow(deadLetterQueue);
        if (dlq.source_queue === null) {
          throw new MessagingError('INVALID_PARAMETER', `"${deadLetterQueue}" is not a dead-letter queue`);
        }
        const rows = this.statements.visible.all(deadLetterQueue, now, max);
        for (const row of rows) {
          this.statements.redrive.run(row.dead_lettered_from ?? dlq.source_queue, now, row.seq);
        }
        return rows.length;
      })
      .immediate();
  }

  private toBrokerMessage(row: MessageRow, token: string, now: number): BrokerMessage {
    return {
      queue: row.queue,
      messageId: row.id,
      receiptHandle: `${row.seq}.${token}`,
      body: row.body,
      attributes: decodeAttributes(row.attributes),
      receiveCount: row.receive_count + 1,
      sentAt: new Date(row.sent_at),
      firstReceivedAt: new Date(row.first_received_at ?? now),
      senderId: EMBEDDED_SENDER_ID,
    };
  }
}
