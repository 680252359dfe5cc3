import { InMemoryOutboxStore } from '@arka/messaging';
import { describe, expect, it } from 'vitest';
import { BatchedOutboxStore } from '../../src/adapters/persistence/batched-outbox-store';

const topic = { kind: 'topic', name: 'arka-notificaciones' } as const;

function counted(inner: InMemoryOutboxStore, failures = 0) {
  const writes: string[][] = [];
  let failing = failures;
  return {
    writes,
    store: {
      fetchPending: (limit: number) => inner.fetchPending(limit),
      markSent: async (ids: readonly string[]) => {
        if (failing > 0) {
          failing -= 1;
          throw new Error('database busy');
        }
        writes.push([...ids]);
        await inner.markSent(ids);
      },
    },
  };
}

describe('the batched outbox store', () => {
  it('writes marks in one batch before the next fetch, which never returns a marked message', async () => {
    const inner = new InMemoryOutboxStore();
    const [a, b, c] = [inner.add(topic, 'a'), inner.add(topic, 'b'), inner.add(topic, 'c')];
    const { writes, store } = counted(inner);
    const batched = new BatchedOutboxStore(store);
    await batched.markSent([a.id]);
    await batched.markSent([b.id]);
    expect(writes).toEqual([]);
    expect((await batched.fetchPending(10)).map((m) => m.id)).toEqual([c.id]);
    expect(writes).toEqual([[a.id, b.id]]);
  });

  it('writes as soon as maxPending marks accumulate', async () => {
    const inner = new InMemoryOutboxStore();
    const messages = [inner.add(topic, '1'), inner.add(topic, '2'), inner.add(topic, '3')];
    const { writes, store } = counted(inner);
    const batched = new BatchedOutboxStore(store, 2);
    for (const m of messages) await batched.markSent([m.id]);
    expect(writes).toEqual([[messages[0]?.id, messages[1]?.id]]);
    await batched.flush();
    expect(inner.pendingCount()).toBe(0);
  });

  it('keeps the marks of a failed write for the next attempt', async () => {
    const inner = new InMemoryOutboxStore();
    const a = inner.add(topic, 'a');
    const { writes, store } = counted(inner, 1);
    const batched = new BatchedOutboxStore(store);
    await batched.markSent([a.id]);
    await expect(batched.fetchPending(10)).rejects.toThrow('database busy');
    expect(await batched.fetchPending(10)).toEqual([]);
    expect(writes).toEqual([[a.id]]);
  });
});
