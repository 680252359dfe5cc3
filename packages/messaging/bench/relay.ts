/**
 * Outbox relay throughput on the embedded broker: notifications written to an
 * in-memory outbox and relayed to the arka-notificaciones topic (fan-out to the
 * processing queue, ops email filter evaluated), against raw SQLite inserts of
 * the same payloads in batches of 10, alternated in rounds in the same run.
 */
import { join } from 'node:path';
import type { BenchRow } from '../../../bench/types';
import { EmbeddedBroker } from '../src/embedded/embedded-broker';
import { InMemoryOutboxStore } from '../src/outbox/in-memory-outbox-store';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { TOPIC_NAMES } from '../src/topology';
import type { Payload, RawInserter } from './index';

const ROUND = 500;
const GOAL_RATIO = 0.2;

export async function relayRow(
  dir: string,
  messages: readonly Payload[],
  raw: RawInserter,
  warmUp: number,
): Promise<BenchRow> {
  const broker = EmbeddedBroker.open({ path: join(dir, 'relay-broker.sqlite') });
  let rawMs = 0;
  let relayMs = 0;
  let measured = 0;
  try {
    for (let i = 0; i < messages.length; i += ROUND) {
      const round = messages.slice(i, i + ROUND);
      const store = new InMemoryOutboxStore();
      for (const m of round)
        store.add({ kind: 'topic', name: TOPIC_NAMES.notificaciones }, m.body, m.attributes);
      const relay = new OutboxRelay({ store, publisher: broker, sender: broker });
      let started = performance.now();
      for (let j = 0; j < round.length; j += 10) raw.insertBatch(round.slice(j, j + 10), i + j);
      const rawElapsed = performance.now() - started;
      started = performance.now();
      const { published, error } = await relay.drainOnce();
      const relayElapsed = performance.now() - started;
      if (error !== undefined || published !== round.length)
        throw new Error(`relayed ${published} of ${round.length}`, { cause: error });
      if (i >= warmUp) {
        rawMs += rawElapsed;
        relayMs += relayElapsed;
        measured += round.length;
      }
    }
  } finally {
    await broker.close();
  }
  const rawRate = measured / (rawMs / 1000);
  const relayRate = measured / (relayMs / 1000);
  return {
    suite: 'messaging',
    name: 'outbox relay → embedded topic (fan-out)',
    value: relayRate,
    unit: 'msg/s',
    baseline: { name: 'raw SQLite inserts, batches of 10', value: rawRate },
    goal: `≥ ${GOAL_RATIO * 100} % of baseline`,
    met: relayRate / rawRate >= GOAL_RATIO,
  };
}
