import type { OutboxMessage, OutboxStore } from '@arka/messaging';
import type { ClientSession, Collection } from 'mongodb';
import { fromOutboxRecord, toOutboxRecord } from '../outbox-codec';
import { OUTBOX_ORDER, PENDING_OUTBOX, type Stored } from './mongodb-queries';

/** Appends outbox documents inside the caller's transaction (`session`). */
export async function appendOutbox(
  outbox: Collection<Stored>,
  messages: readonly OutboxMessage[],
  session: ClientSession,
): Promise<void> {
  if (messages.length === 0) return;
  await outbox.insertMany(
    messages.map((m, position) => ({ _id: m.id, ...toOutboxRecord(m), position, sentAt: null })),
    { session },
  );
}

/** The relay's view of the outbox collection: pending documents in write order. */
export class MongoOutboxStore implements OutboxStore {
  constructor(
    private readonly outbox: Collection<Stored>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async fetchPending(limit: number): Promise<readonly OutboxMessage[]> {
    const docs = await this.outbox
      .find(PENDING_OUTBOX, { sort: OUTBOX_ORDER, limit: Math.max(1, Math.trunc(limit)) })
      .toArray();
    return docs.map(fromOutboxRecord);
  }

  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.outbox.updateMany(
      { _id: { $in: [...ids] }, sentAt: null },
      { $set: { sentAt: this.clock().toISOString() } },
    );
  }
}
