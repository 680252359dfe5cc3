/**
 * Embedded broker throughput: messages sent, received and deleted per second in
 * batches of 10 on a temp file, against raw better-sqlite3 inserts of the same
 * payloads (same pragmas, same batches of 10 per transaction) in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchRow } from '../../../bench/types';
import { EmbeddedBroker } from '../src/embedded/embedded-broker';
import { configureConnection } from '../src/embedded/schema';
import { QUEUE_NAMES } from '../src/topology';

const BATCH = 10;
const GOAL_RATIO = 0.2;
const ROUNDS = 5;

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

type Payload = ReturnType<typeof payloads>[number];

/** Raw inserts of the payloads, 10 per transaction, into a plain table with the broker's pragmas. */
function rawInserter(path: string): { run(messages: readonly Payload[]): number; close(): void } {
  const db = new Database(path);
  configureConnection(db, 5000);
  db.exec('CREATE TABLE raw (id TEXT, body TEXT, attributes TEXT)');
  const insert = db.prepare('INSERT INTO raw (id, body, attributes) VALUES (?, ?, ?)');
  const batch = db.transaction((rows: readonly Payload[], offset: number) => {
    rows.forEach((m, i) => insert.run(`id-${offset + i}`, m.body, JSON.stringify(m.attributes)));
  });
  return {
    run(messages) {
      const started = performance.now();
      for (let i = 0; i < messages.length; i += BATCH) batch.immediate(messages.slice(i, i + BATCH), i);
      return performance.now() - started;
    },
    close: () => db.close(),
  };
}

/** Full broker cycles: sendBatch, receive (10), deleteBatch. */
function brokerCycler(path: string): {
  run(messages: readonly Payload[]): Promise<number>;
  close(): Promise<void>;
} {
  const broker = EmbeddedBroker.open({ path });
  const queue = QUEUE_NAMES.cotizaciones;
  return {
    async run(messages) {
      const started = performance.now();
      for (let i = 0; i < messages.length; i += BATCH) {
        await broker.sendBatch(queue, messages.slice(i, i + BATCH));
        const received = await broker.receive(queue, { maxMessages: BATCH, waitTimeSeconds: 0 });
        if (received.length !== BATCH) throw new Error(`received ${received.length} of ${BATCH}`);
        await broker.deleteBatch(
          queue,
          received.map((m) => m.receiptHandle),
        );
      }
      const elapsed = performance.now() - started;
      const { visible, inFlight } = broker.stats(queue);
      if (visible + inFlight !== 0) throw new Error('messages left behind');
      return elapsed;
    },
    close: () => broker.close(),
  };
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arka-messaging-bench-'));
  try {
    // Rounds alternate the two measures, so load from other processes weighs on both alike.
    const messages = payloads(4000);
    const raw = rawInserter(join(dir, 'raw.sqlite'));
    const broker = brokerCycler(join(dir, 'broker.sqlite'));
    raw.run(messages.slice(0, 1000));
    await broker.run(messages.slice(0, 1000));
    let rawMs = 0;
    let brokerMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      rawMs += raw.run(messages);
      brokerMs += await broker.run(messages);
    }
    raw.close();
    await broker.close();
    const total = messages.length * ROUNDS;
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
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
