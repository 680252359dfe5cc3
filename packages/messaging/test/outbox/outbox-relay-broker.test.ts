import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import { InMemoryOutboxStore } from '../../src/outbox/in-memory-outbox-store';
import { OutboxRelay } from '../../src/outbox/outbox-relay';
import type { OutgoingMessage, QueueSender, TopicPublisher } from '../../src/ports';
import { QUEUE_NAMES, TOPIC_NAMES } from '../../src/topology';
import { openBroker, tempBrokerDir } from '../helpers/broker';

const envelope = z.object({ Message: z.string() });

/** Stands for a connection to the broker that can go down and come back. */
class SwitchableBroker implements TopicPublisher, QueueSender {
  constructor(public current: EmbeddedBroker) {}

  publish(topic: string, message: OutgoingMessage) {
    return this.current.publish(topic, message);
  }

  send(queue: string, message: OutgoingMessage) {
    return this.current.send(queue, message);
  }

  publishBatch(topic: string, messages: readonly OutgoingMessage[]) {
    return this.current.publishBatch(topic, messages);
  }

  sendBatch(queue: string, messages: readonly OutgoingMessage[]) {
    return this.current.sendBatch(queue, messages);
  }
}

describe('OutboxRelay on the embedded broker', () => {
  let dir: ReturnType<typeof tempBrokerDir>;
  let relay: OutboxRelay | undefined;
  let broker: EmbeddedBroker;

  beforeEach(() => {
    dir = tempBrokerDir();
    broker = openBroker({ path: dir.path() });
  });

  afterEach(async () => {
    await relay?.stop();
    await broker.close();
    dir.cleanup();
  });

  it('delivers every message, in order, once the broker is back after an outage', async () => {
    // Prepare: the broker is down (closed) while the service keeps writing its outbox
    const store = new InMemoryOutboxStore();
    const down = openBroker({ path: dir.path() });
    await down.close();
    const connection = new SwitchableBroker(down);
    relay = new OutboxRelay({
      store,
      publisher: connection,
      sender: connection,
      initialBackoffMs: 5,
      maxBackoffMs: 20,
    });
    relay.start();
    for (let i = 0; i < 5; i++) {
      store.add({ kind: 'topic', name: TOPIC_NAMES.notificaciones }, `n${i}`, { priority: 'normal' });
    }
    store.add({ kind: 'queue', name: QUEUE_NAMES.solicitudes }, 'dispatch S1');
    await vi.waitFor(() => expect(store.pendingCount()).toBe(6), { interval: 5 });

    // Act: the broker comes back
    connection.current = broker;

    // Assess
    await vi.waitFor(() => expect(store.pendingCount()).toBe(0), { timeout: 5000, interval: 5 });
    const notifications = await broker.receive(QUEUE_NAMES.notificacionesProcessing, {
      waitTimeSeconds: 0,
      maxMessages: 10,
    });
    expect(notifications.map((m) => envelope.parse(JSON.parse(m.body)).Message)).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
      'n4',
    ]);
    const jobs = await broker.receive(QUEUE_NAMES.solicitudes, { waitTimeSeconds: 0 });
    expect(jobs.map((m) => m.body)).toEqual(['dispatch S1']);
  });
});
