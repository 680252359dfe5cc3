/**
 * Embedded broker throughput: messages sent, received and deleted per second in
 * batches of 10 on a temp file, against raw better-sqlite3 inserts of the same
 * payloads (same pragmas, same batches of 10 per transaction) in the same run;
 * and the outbox relay publishing to a topic (relay.ts) against the same baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchRow } from '../../../bench/types';
import { EmbeddedBroker } from '../src/embedded/embedded-broker';
import { configureConnection } from '../src/embedded/schema';
import { QUEUE_NAMES } from '../src/topology';
import { relayRow } from './relay';

const BATCH = 10;
const GOAL_RATIO = 0.2;
const MESSAGES = 22_000;
const WARM_UP = 2000;
const RELAY_MESSAGES = 11_000;
const RELAY_WARM_UP = 1000;

function payloads(count: number): { body: string; attributes: Record<string, string | number> }[] {
  return Array.from({ length: count }, (_, i) => ({
    body: JSON.stringify({
      id: `n-${i}`,
      type: 'email',
      recipient: 'cliente@example.com',
      message: `Su cotización COT-${i} fue creada`,
      priority: 'normal',
      service: 'cotizador',
      occurredAt: new Date(0).toISOString(),
    }),
    attributes: { priority: 'normal', type: 'email', service: 'cotizador' },
  }));
}

export type Payload = ReturnType<typeof payloads>[number];

export interface RawInserter {
  insertBatch(batch: readonly Payload[], offset: number): void;
  close(): void;
}

/** Raw inserts of the payloads, 10 per transaction, into a plain table with the broker's pragmas. */
function rawInserter(path: string): RawInserter {
  const db = new Database(path);
  configureConnection(db, 5000);
  db.exec('CREATE TABLE raw (id TEXT, body TEXT, attributes TEXT)');
  const insert = db.prepare('INSERT INTO raw (id, body, attributes) VALUES (?, ?, ?)');
  const batch = db.transaction((rows: readonly Payload[], offset: number) => {
    rows.forEach((m, i) => insert.run(`id-${offset + i}`, m.body, JSON.stringify(m.attributes)));
  });
  return { insertBatch: (rows, offset) => batch.immediate(rows, offset), close: () => db.close() };
}

/** One full broker cycle for a batch: sendBatch, receive (10), deleteBatch. */
async function brokerCycle(broker: EmbeddedBroker, batch: readonly Payload[]): Promise<void> {
  const queue = QUEUE_NAMES.cotizaciones;
  await broker.sendBatch(queue, batch);
  const received = await broker.receive(queue, { maxMessages: BATCH, waitTimeSeconds: 0 });
  if (received.length !== batch.length) throw new Error(`received ${received.length} of ${batch.length}`);
  await broker.deleteBatch(
    queue,
    received.map((m) => m.receiptHandle),
  );
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arka-messaging-bench-'));
  try {
    // Each batch is timed on both sides back to back, so load from other processes
    // weighs on the figure and its baseline alike.
    const messages = payloads(MESSAGES);
    const raw = rawInserter(join(dir, 'raw.sqlite'));
    const broker = EmbeddedBroker.open({ path: join(dir, 'broker.sqlite') });
    let rawMs = 0;
    let brokerMs = 0;
    for (let i = 0; i < messages.length; i += BATCH) {
      const batch = messages.slice(i, i + BATCH);
      const measured = i >= WARM_UP;
      let started = performance.now();
      raw.insertBatch(batch, i);
      if (measured) rawMs += performance.now() - started;
      started = performance.now();
      await brokerCycle(broker, batch);
      if (measured) brokerMs += performance.now() - started;
    }
    const { visible, inFlight } = broker.stats(QUEUE_NAMES.cotizaciones);
    if (visible + inFlight !== 0) throw new Error('messages left behind');
    raw.close();
    await broker.close();
    const relayRaw = rawInserter(join(dir, 'raw-relay.sqlite'));
    const relay = await relayRow(dir, payloads(RELAY_MESSAGES), relayRaw, RELAY_WARM_UP);
    relayRaw.close();
    const total = messages.length - WARM_UP;
    const rawRate = total / (rawMs / 1000);
    const brokerRate = total / (brokerMs / 1000);
    return [
      {
        suite: 'messaging',
        name: 'embedded broker: send + receive + delete, batches of 10',
        value: brokerRate,
        unit: 'msg/s',
        baseline: { name: 'raw SQLite inserts, batches of 10', value: rawRate },
        goal: `≥ ${GOAL_RATIO * 100} % of baseline`,
        met: brokerRate / rawRate >= GOAL_RATIO,
      },
      relay,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
