import type { OutboxMessage, OutboxStore } from '@arka/messaging';

/**
 * Marks relayed messages sent in batches instead of one write per message: on
 * SQLite each mark is a commit competing with the quotes' own. Marks are written
 * before the next fetch (so a fetch never returns a message already published),
 * when `maxPending` accumulate, and on `flush()`. A crash loses at most the unwritten
 * marks, whose messages are then published again: the relay is at-least-once
 * already and consumers deduplicate on the message id.
 */
export class BatchedOutboxStore implements OutboxStore {
  private readonly pending = new Set<string>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly inner: OutboxStore,
    private readonly maxPending = 100,
  ) {}

  async fetchPending(limit: number): Promise<readonly OutboxMessage[]> {
    await this.flush();
    return this.inner.fetchPending(limit);
  }

  async markSent(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.pending.add(id);
    if (this.pending.size >= this.maxPending) await this.flush();
  }

  /** Writes every mark received so far. */
  flush(): Promise<void> {
    const next = this.writing.then(() => this.writeMarks());
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writeMarks(): Promise<void> {
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    try {
      await this.inner.markSent(ids);
    } catch (error) {
      // Kept for the next attempt; the relay backs off and fetches again.
      for (const id of ids) this.pending.add(id);
      throw error;
    }
  }
}
