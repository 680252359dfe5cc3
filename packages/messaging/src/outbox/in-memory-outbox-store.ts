/**
 * An OutboxStore in memory, for tests of services and of the relay: `add()`
 * stands for the transaction that writes a state change and its messages.
 */
import { randomUUID } from 'node:crypto';
import type { MessageAttributes, OutboxDestination, OutboxMessage, OutboxStore } from '../ports';

export class InMemoryOutboxStore implements OutboxStore {
  private readonly pending: OutboxMessage[] = [];
  readonly sent: OutboxMessage[] = [];

  add(destination: OutboxDestination, body: string, attributes: MessageAttributes = {}): OutboxMessage {
    const message: OutboxMessage = { id: randomUUID(), destination, body, attributes, createdAt: new Date() };
    this.pending.push(message);
    return message;
  }

  async fetchPending(limit: number): Promise<readonly OutboxMessage[]> {
    return this.pending.slice(0, limit);
  }

  async markSent(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const index = this.pending.findIndex((m) => m.id === id);
      const [message] = index === -1 ? [] : this.pending.splice(index, 1);
      if (message) this.sent.push(message);
    }
  }

  pendingCount(): number {
    return this.pending.length;
  }
}
