import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, parseConfig, type Logger } from '@arka/kernel';
import { EmbeddedBroker, QUEUE_NAMES, TOPIC_NAMES, type OutboxMessage } from '@arka/messaging';
import { appendToOutbox, migrateToLatest, openDatabase, type SqlTarget } from '@arka/sql';
import { sql } from 'kysely';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { migrations } from '../src/adapters/persistence/migrations';
import { MIGRATIONS_TABLE, OUTBOX_TABLE, type CotizadorDb } from '../src/adapters/persistence/schema';
import { configSchema } from '../src/config';
import { outboxDeleter } from '../src/outbox-relay';
import { relayThreadAvailable, startOutboxRelayThread } from '../src/outbox-relay-worker';
import { REQUESTS_WAL_CHECKPOINT_PAGES, startRelay } from '../src/runtime';

const logger = createLogger({ service: 'cotizador-test', level: 'silent' });
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function message(body: string): OutboxMessage {
  return {
    id: `msg-${body}`,
    destination: { kind: 'topic', name: TOPIC_NAMES.notificaciones },
    body,
    attributes: { priority: 'normal' },
    createdAt: new Date(),
  };
}

async function outboxWith(dir: string, bodies: readonly string[]) {
  const target: SqlTarget = { driver: 'sqlite', file: join(dir, 'cotizador.sqlite') };
  const database = openDatabase<CotizadorDb>(target);
  await migrateToLatest(database.db, migrations, { tableName: MIGRATIONS_TABLE });
  await appendToOutbox(database.db, OUTBOX_TABLE, bodies.map(message));
  return { target, database };
}

async function walCheckpointPages(database: ReturnType<typeof openDatabase<CotizadorDb>>): Promise<number> {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
  return rows[0]?.wal_autocheckpoint ?? -1;
}

async function pending(database: ReturnType<typeof openDatabase<CotizadorDb>>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from cotizador_outbox`.execute(database.db);
  return rows[0]?.n ?? -1;
}

/**
 * Supervises stand-in threads written as `lines` of JavaScript, the n-th started (from 0)
 * with `workerData(n)`, and collects what the supervision logs as errors.
 */
async function superviseFakeThreads(
  lines: readonly string[],
  workerData: (n: number) => unknown = () => ({}),
) {
  const url = new URL(`data:text/javascript,${encodeURIComponent(lines.join('\n'))}`);
  let started = 0;
  const errors: { exitCode?: number; retryInMs?: number }[] = [];
  const spy = { error: (details: object) => errors.push(details), warn: () => {} } as unknown as Logger;
  const relay = await startOutboxRelayThread(
    {
      target: { driver: 'sqlite', file: ':memory:' },
      messaging: { driver: 'embedded', path: ':memory:' },
      logLevel: 'silent',
    },
    { logger: spy, deleteSent: async () => {} },
    () => new Worker(url, { workerData: workerData(started++) }),
  );
  return { relay, errors, started: () => started };
}

/** The threads of this process under SCHED_IDLE (policy 5, field 41 of their stat). */
function idleThreads(): string[] {
  return readdirSync('/proc/self/task').filter((tid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      return false; // the thread ended since the directory was listed
    }
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38] === '5';
  });
}

function chrtAvailable(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the outbox relay thread', () => {
  it('finds its script beside this module', () => {
    expect(relayThreadAvailable()).toBe(true);
  });

  it('relays what is in the outbox, and what a woken commit adds, over its own connections', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'cotizador-relay-thread-'));
    dirs.push(dir);
    const { target, database } = await outboxWith(dir, ['first']);
    const brokerPath = join(dir, 'broker.sqlite');
    const deletedByParent: string[] = [];
    const deleteRows = outboxDeleter(database);
    const relay = await startOutboxRelayThread(
      { target, messaging: { driver: 'embedded', path: brokerPath }, logLevel: 'silent' },
      { logger, deleteSent: (ids) => (deletedByParent.push(...ids), deleteRows(ids)) },
    );
    const broker = EmbeddedBroker.open({ path: brokerPath });
    try {
      // Act
      await appendToOutbox(database.db, OUTBOX_TABLE, [message('second')]);
      relay.wake();
      const received: string[] = [];
      while (received.length < 2) {
        const batch = await broker.receive(QUEUE_NAMES.notificacionesProcessing, {
          waitTimeSeconds: 10,
          maxMessages: 10,
        });
        expect(batch.length).toBeGreaterThan(0);
        for (const m of batch)
          received.push(z.object({ Message: z.string() }).parse(JSON.parse(m.body)).Message);
      }

      // Assess
      expect(received).toEqual(['first', 'second']);
      await relay.stop();
      expect(await pending(database)).toBe(0);
      expect(deletedByParent.sort()).toEqual(['msg-first', 'msg-second']);
      relay.wake(); // after stop: nothing to wake, and no error
    } finally {
      await relay.stop();
      await broker.close();
      await database.close();
    }
  });

  it.skipIf(!chrtAvailable())(
    'with OUTBOX_RELAY_IDLE_PRIORITY runs under SCHED_IDLE, alone of the process, and still relays (Linux with chrt)',
    async () => {
      // Prepare
      const dir = mkdtempSync(join(tmpdir(), 'cotizador-relay-thread-'));
      dirs.push(dir);
      const { target, database } = await outboxWith(dir, ['idle']);
      const brokerPath = join(dir, 'broker.sqlite');
      expect(idleThreads()).toEqual([]);
      const relay = await startOutboxRelayThread(
        {
          target,
          messaging: { driver: 'embedded', path: brokerPath },
          logLevel: 'silent',
          idlePriority: true,
        },
        { logger, deleteSent: outboxDeleter(database) },
      );
      const broker = EmbeddedBroker.open({ path: brokerPath });
      try {
        // Act
        const idle = idleThreads();
        const batch = await broker.receive(QUEUE_NAMES.notificacionesProcessing, {
          waitTimeSeconds: 10,
          maxMessages: 10,
        });

        // Assess
        expect(idle).toHaveLength(1);
        expect(idle[0]).not.toBe(String(process.pid));
        expect(batch.map((m) => z.object({ Message: z.string() }).parse(JSON.parse(m.body)).Message)).toEqual(
          ['idle'],
        );
      } finally {
        await relay.stop();
        await broker.close();
        await database.close();
      }
      expect(idleThreads()).toEqual([]);
    },
  );

  it('keeps the rows whose deletion the parent could not make, and deletes them once it can', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'cotizador-relay-thread-'));
    dirs.push(dir);
    const { target, database } = await outboxWith(dir, ['only']);
    const deleteRows = outboxDeleter(database);
    let refused = 0;
    const deleteSent = async (ids: readonly string[]) => {
      if (refused++ === 0) throw new Error('database is locked');
      await deleteRows(ids);
    };

    // Act
    const relay = await startOutboxRelayThread(
      { target, messaging: { driver: 'embedded', path: join(dir, 'broker.sqlite') }, logLevel: 'silent' },
      { logger, deleteSent },
    );

    // Assess: published again after the failure (at least once), and gone from the outbox
    try {
      await vi.waitFor(async () => expect(await pending(database)).toBe(0), {
        timeout: 10_000,
        interval: 50,
      });
      expect(refused).toBeGreaterThanOrEqual(2);
    } finally {
      await relay.stop();
      await database.close();
    }
  });

  it('leaves the WAL checkpoints of the database file to its own connection, off the requests’ commits', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'cotizador-relay-thread-'));
    dirs.push(dir);
    const onFile = await outboxWith(dir, []);
    const inMemory = openDatabase<CotizadorDb>({ driver: 'sqlite', file: ':memory:' });
    await migrateToLatest(inMemory.db, migrations, { tableName: MIGRATIONS_TABLE });
    const config = parseConfig(configSchema, { ARKA_DATA_DIR: dir, LOG_LEVEL: 'silent' });

    // Act
    const threaded = await startRelay(config, onFile.target, onFile.database, logger);
    const inThread = await startRelay(config, { driver: 'sqlite', file: ':memory:' }, inMemory, logger);

    // Assess: the requests' connection keeps only a far bound; an in-memory database relays on its own thread
    try {
      expect(await walCheckpointPages(onFile.database)).toBe(REQUESTS_WAL_CHECKPOINT_PAGES);
      expect(await walCheckpointPages(inMemory)).toBe(1_000);
    } finally {
      await Promise.all([threaded.stop(), inThread.stop()]);
      await Promise.all([onFile.database.close(), inMemory.close()]);
    }
  });

  it('fails to start, with the thread’s error, when it cannot open the broker', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'cotizador-relay-thread-'));
    dirs.push(dir);
    const { target, database } = await outboxWith(dir, []);
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');

    try {
      // Act
      const started = startOutboxRelayThread(
        {
          target,
          messaging: { driver: 'embedded', path: join(notADirectory, 'broker.sqlite') },
          logLevel: 'silent',
        },
        { logger, deleteSent: outboxDeleter(database) },
      );

      // Assess
      await expect(started).rejects.toThrow(/EEXIST|ENOTDIR/);
    } finally {
      await database.close();
    }
  });

  it('reports a thread that dies and starts another, which then stops on request', async () => {
    // Prepare: the first thread is ready and then dies; the second one lives until stopped.
    const fake = [
      "import { parentPort, workerData } from 'node:worker_threads';",
      "parentPort.postMessage('ready');",
      'if (workerData.dies) setTimeout(() => process.exit(3), 20);',
      "parentPort.on('message', (m) => { if (m === 'stop') { parentPort.postMessage('stopped'); parentPort.close(); } });",
    ];

    // Act
    const { relay, errors, started } = await superviseFakeThreads(fake, (n) => ({ dies: n === 0 }));
    try {
      await vi.waitFor(() => expect(started()).toBe(2), { timeout: 5_000, interval: 20 });

      // Assess
      expect(errors).toEqual([expect.objectContaining({ exitCode: 3, retryInMs: 1_000 })]);
    } finally {
      await relay.stop();
    }
    expect(started()).toBe(2);
  });

  it('waits twice as long before each start of a thread that keeps dying soon after it started', async () => {
    // Prepare: every thread is ready, then dies at once (a crash on the first message, say).
    const fake = [
      "import { parentPort } from 'node:worker_threads';",
      "parentPort.postMessage('ready');",
      'setTimeout(() => process.exit(3), 20);',
    ];

    // Act
    const { relay, errors } = await superviseFakeThreads(fake);
    try {
      await vi.waitFor(() => expect(errors).toHaveLength(3), { timeout: 8_000, interval: 20 });

      // Assess
      expect(errors.map((e) => e.retryInMs)).toEqual([1_000, 2_000, 4_000]);
    } finally {
      await relay.stop();
    }
  }, 15_000);
});
