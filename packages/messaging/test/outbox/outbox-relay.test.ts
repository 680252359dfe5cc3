import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryOutboxStore } from '../../src/outbox/in-memory-outbox-store';
import { OutboxRelay, type OutboxRelayOptions } from '../../src/outbox/outbox-relay';
import { FlakyBroker } from '../helpers/recording-publisher';

const TOPIC = { kind: 'topic', name: 'arka-notificaciones' } as const;
const QUEUE = { kind: 'queue', name: 'arka-solicitudes' } as const;

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
    expect(broker.attempts).toBe(6);
  });

  it('publishes at once when woken after a commit instead of waiting for the idle interval', async () => {
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
});
