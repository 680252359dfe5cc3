import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartialBatchError } from '../../src/errors';
import type { MessagingLogger } from '../../src/logger';
import { InMemoryOutboxStore } from '../../src/outbox/in-memory-outbox-store';
import { OutboxRelay, type OutboxRelayOptions } from '../../src/outbox/outbox-relay';
import { FlakyBroker } from '../helpers/recording-publisher';

const TOPIC = { kind: 'topic', name: 'arka-notificaciones' } as const;
const QUEUE = { kind: 'queue', name: 'arka-solicitudes' } as const;
const KIB = 1024;

function bodies(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

function warnings(): MessagingLogger & { warned: object[] } {
  const warned: object[] = [];
  return { warned, info: () => {}, error: () => {}, warn: (details) => warned.push(details) };
}

function relayWith(
  broker: FlakyBroker,
  store: InMemoryOutboxStore,
  options: Partial<OutboxRelayOptions> = {},
) {
  return new OutboxRelay({
    store,
    publisher: broker,
    sender: broker,
    initialBackoffMs: 1,
    maxBackoffMs: 4,
    idleIntervalMs: 5,
    ...options,
  });
}

describe('OutboxRelay', () => {
  const relays: OutboxRelay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  it('publishes pending messages in write order to their topic or queue and marks them sent', async () => {
    // Prepare
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    store.add(TOPIC, 'n1', { priority: 'high' });
    store.add(QUEUE, 's1');
    store.add(TOPIC, 'n2');

    // Act
    const result = await relayWith(broker, store).drainOnce();

    // Assess
    expect(result).toEqual({ published: 3 });
    expect(broker.delivered).toEqual([
      { kind: 'topic', name: 'arka-notificaciones', body: 'n1', attributes: { priority: 'high' } },
      { kind: 'queue', name: 'arka-solicitudes', body: 's1', attributes: {} },
      { kind: 'topic', name: 'arka-notificaciones', body: 'n2', attributes: {} },
    ]);
    expect(store.pendingCount()).toBe(0);
  });

  it('reads the outbox in several fetches when it holds more than one batch', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    for (let i = 0; i < 7; i++) store.add(QUEUE, `m${i}`);

    const result = await relayWith(broker, store, { batchSize: 3 }).drainOnce();

    expect(result.published).toBe(7);
    expect(broker.delivered.map((d) => d.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });

  it('stops at the first failure and leaves that message and the later ones pending', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker(0);
    store.add(QUEUE, 'first');
    const relay = relayWith(broker, store);
    await relay.drainOnce();
    store.add(QUEUE, 'second');
    store.add(QUEUE, 'third');
    const failing = new FlakyBroker(1);

    const result = await relayWith(failing, store).drainOnce();

    expect(result.published).toBe(0);
    expect(result.error).toBeInstanceOf(Error);
    expect(failing.attempts).toBe(1);
    expect(store.pendingCount()).toBe(2);
  });

  it('resumes by itself, in order, after the broker was unreachable', async () => {
    // Prepare: the first 3 publishes fail
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker(3);
    for (const body of ['a', 'b', 'c']) store.add(TOPIC, body);
    const relay = relayWith(broker, store);
    relays.push(relay);

    // Act
    relay.start();

    // Assess
    await vi.waitFor(() => expect(store.pendingCount()).toBe(0), { timeout: 5000, interval: 5 });
    expect(broker.delivered.map((d) => d.body)).toEqual(['a', 'b', 'c']);
    // Three failed attempts at the one batch, then the one that went through.
    expect(broker.calls.map((c) => c.bodies)).toEqual(Array(4).fill(['a', 'b', 'c']));
  });

  it('publishes soon after a wake (a commit) instead of waiting for the idle interval', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    const relay = relayWith(broker, store, { idleIntervalMs: 600_000 });
    relays.push(relay);
    relay.start();
    await vi.waitFor(() => expect(relay.drainOnce()).resolves.toEqual({ published: 0 }));

    store.add(TOPIC, 'urgent');
    relay.wake();

    await vi.waitFor(() => expect(broker.delivered.map((d) => d.body)).toEqual(['urgent']), { interval: 5 });
  });

  it('with a wake delay, lets the commits of the delay share one pass and one batch', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    const relay = relayWith(broker, store, { idleIntervalMs: 600_000, wakeDelayMs: 100 });
    relays.push(relay);
    relay.start();
    await vi.waitFor(() => expect(relay.drainOnce()).resolves.toEqual({ published: 0 }));

    store.add(TOPIC, 'first');
    relay.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(broker.calls).toEqual([]);
    store.add(TOPIC, 'second');
    relay.wake();

    await vi.waitFor(() => expect(store.pendingCount()).toBe(0), { interval: 5 });
    expect(broker.calls.map((c) => c.bodies)).toEqual([['first', 'second']]);
  });

  it('stops without waiting for a pending wake delay', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    const relay = relayWith(broker, store, { idleIntervalMs: 600_000, wakeDelayMs: 600_000 });
    relay.start();
    await vi.waitFor(() => expect(relay.drainOnce()).resolves.toEqual({ published: 0 }));
    store.add(TOPIC, 'later');
    relay.wake();

    const stopped = Date.now();
    await relay.stop();

    expect(Date.now() - stopped).toBeLessThan(5_000);
    expect(broker.calls).toEqual([]);
  });

  it('waits on stop for the publish in flight and marks it sent', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    let release = () => {};
    broker.gate = new Promise((resolve) => (release = resolve));
    store.add(TOPIC, 'in flight');
    const relay = relayWith(broker, store);
    relay.start();
    await vi.waitFor(() => expect(broker.attempts).toBe(1), { interval: 5 });

    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    const stoppedBeforeRelease = stopped;
    release();
    await stopping;

    expect(stoppedBeforeRelease).toBe(false);
    expect(store.pendingCount()).toBe(0);
    expect(store.sent.map((m) => m.body)).toEqual(['in flight']);
  });

  it('never publishes a message twice when passes are requested at the same time', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    for (let i = 0; i < 5; i++) store.add(QUEUE, `m${i}`);
    const relay = relayWith(broker, store);

    const results = await Promise.all([relay.drainOnce(), relay.drainOnce(), relay.drainOnce()]);

    expect(results.map((r) => r.published)).toEqual([5, 0, 0]);
    expect(broker.delivered).toHaveLength(5);
  });

  it.each([
    [1, [1]],
    [10, [10]],
    [11, [10, 1]],
    [25, [10, 10, 5]],
  ])('publishes %i messages to one topic in batches of at most 10, one call each', async (count, sizes) => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    for (const body of bodies('m', count)) store.add(TOPIC, body);

    const result = await relayWith(broker, store).drainOnce();

    expect(result).toEqual({ published: count });
    expect(broker.calls.map((c) => c.bodies.length)).toEqual(sizes);
    expect(broker.delivered.map((d) => d.body)).toEqual(bodies('m', count));
    expect(store.pendingCount()).toBe(0);
  });

  it('keeps write order across destinations: a batch holds only consecutive messages to one destination', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    for (const body of bodies('t', 12)) store.add(TOPIC, body);
    store.add(QUEUE, 'q0');
    store.add(TOPIC, 'u0');
    store.add(QUEUE, 'q1');
    store.add(QUEUE, 'q2');

    await relayWith(broker, store).drainOnce();

    expect(broker.calls).toEqual([
      { kind: 'topic', name: TOPIC.name, bodies: bodies('t', 10) },
      { kind: 'topic', name: TOPIC.name, bodies: ['t10', 't11'] },
      { kind: 'queue', name: QUEUE.name, bodies: ['q0'] },
      { kind: 'topic', name: TOPIC.name, bodies: ['u0'] },
      { kind: 'queue', name: QUEUE.name, bodies: ['q1', 'q2'] },
    ]);
    expect(broker.delivered.map((d) => d.body)).toEqual([...bodies('t', 12), 'q0', 'u0', 'q1', 'q2']);
  });

  it('marks exactly the accepted leading messages of a partly failed batch sent and ends the pass', async () => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    for (const body of bodies('m', 15)) store.add(TOPIC, body);
    broker.acceptOnly = 4;

    const result = await relayWith(broker, store).drainOnce();

    expect(result.published).toBe(4);
    expect(result.error).toBeInstanceOf(PartialBatchError);
    expect(store.sent.map((m) => m.body)).toEqual(bodies('m', 4));
    expect(store.pendingCount()).toBe(11);
    expect(broker.calls).toHaveLength(1);
  });

  it('republishes the rest of a partly failed batch after backing off, in order', async () => {
    // Prepare: the first batch (m0 to m9) is accepted only up to m3
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    const logger = warnings();
    for (const body of bodies('m', 15)) store.add(TOPIC, body);
    broker.acceptOnly = 4;
    const relay = relayWith(broker, store, { logger });
    relays.push(relay);

    // Act
    relay.start();

    // Assess
    await vi.waitFor(() => expect(store.pendingCount()).toBe(0), { timeout: 5000, interval: 5 });
    expect(logger.warned).toEqual([expect.objectContaining({ failures: 1, retryInMs: 1 })]);
    expect(broker.calls.map((c) => c.bodies)).toEqual([bodies('m', 10), bodies('m', 14).slice(4), ['m14']]);
    expect(store.sent.map((m) => m.body)).toEqual(bodies('m', 15));
    expect(broker.delivered.map((d) => d.body)).toEqual(bodies('m', 15));
  });

  it.each([
    ['four messages of 100 KiB', [100, 100, 100, 100].map((k) => ({ bytes: k * KIB })), [2, 2]],
    ['two halves of exactly 256 KiB', [{ bytes: 128 * KIB }, { bytes: 128 * KIB }], [2]],
    ['two halves one byte over 256 KiB', [{ bytes: 128 * KIB }, { bytes: 128 * KIB + 1 }], [1, 1]],
    [
      'two halves that pass 256 KiB only with their attributes',
      [
        { bytes: 128 * KIB - 1, attributes: { a: 'b' } },
        { bytes: 128 * KIB - 1, attributes: { a: 'b' } },
      ],
      [1, 1],
    ],
  ])('splits a batch at 256 KiB: %s', async (_case, messages, sizes) => {
    const store = new InMemoryOutboxStore();
    const broker = new FlakyBroker();
    for (const m of messages) store.add(QUEUE, 'x'.repeat(m.bytes), 'attributes' in m ? m.attributes : {});

    const result = await relayWith(broker, store).drainOnce();

    expect(result).toEqual({ published: messages.length });
    expect(broker.calls.map((c) => c.bodies.length)).toEqual(sizes);
  });
});
