/**
 * Entry of the outbox relay's worker thread (outbox-relay-worker.ts starts it):
 * relays cotizador_outbox until the parent says "stop", then closes its
 * connections, answers "stopped" and lets the thread end.
 *
 * The thread only reads the outbox: it asks the parent to delete what it relayed,
 * so the requests' connection stays the file's only writer and a quote's commit
 * never waits (asleep, the whole event loop with it) for the thread's lock. It
 * does copy the write-ahead log back into the file now and then, which takes no
 * writer's lock (see REQUESTS_WAL_CHECKPOINT_PAGES in runtime.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger, scheduleThisThreadIdle } from '@arka/kernel';
import { checkpointWal, openDatabase } from '@arka/sql';
import type { CotizadorDb } from './adapters/persistence/schema';
import { startOutboxRelay } from './outbox-relay';
import type { RelayThreadCommand, RelayThreadData, RelayThreadEvent } from './outbox-relay-worker';

/** At most one checkpoint per this many ms: each one ends with an fsync. */
const CHECKPOINT_EVERY_MS = 250;

const port = parentPort;
if (port === null) throw new Error('outbox-relay-thread runs as a worker thread of the cotizador');
const data = workerData as RelayThreadData;
const send = (event: RelayThreadEvent) => port.postMessage(event);

const logger = createLogger({ service: 'cotizador', level: data.logLevel });
if (data.idlePriority) {
  const scheduling = await scheduleThisThreadIdle();
  if (scheduling.policy === 'idle')
    logger.info({ tid: scheduling.tid }, 'outbox relay thread runs under SCHED_IDLE');
  else logger.warn({ reason: scheduling.reason }, 'outbox relay thread keeps the normal scheduling policy');
}
const database = openDatabase<CotizadorDb>(data.target);

const deletions = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let nextTicket = 0;
let lastCheckpoint = 0;

/** Has the parent delete the relayed rows, then checkpoints if it is time. */
async function deleteSent(ids: readonly string[]): Promise<void> {
  const ticket = nextTicket++;
  await new Promise<void>((resolve, reject) => {
    deletions.set(ticket, { resolve, reject });
    send({ kind: 'delete', ticket, ids });
  });
  if (Date.now() - lastCheckpoint < CHECKPOINT_EVERY_MS) return;
  lastCheckpoint = Date.now();
  // The rows are deleted either way; the requests' own mark bounds the log meanwhile.
  await checkpointWal(database).catch((error: unknown) =>
    logger.warn({ err: error }, 'WAL checkpoint of the outbox relay thread failed'),
  );
}

// Answers to "delete" may come while the relay starts; "wake" and "stop" only after "ready".
port.on('message', (command: RelayThreadCommand) => {
  if (typeof command !== 'object') return;
  const waiting = deletions.get(command.ticket);
  deletions.delete(command.ticket);
  if (command.error === undefined) waiting?.resolve();
  else waiting?.reject(new Error(`the cotizador could not delete relayed messages: ${command.error}`));
});

const relay = await startOutboxRelay(database, data.messaging, logger, deleteSent).catch(
  async (error: unknown) => {
    await database.close();
    throw error;
  },
);

async function stop(): Promise<void> {
  try {
    await relay.stop();
  } finally {
    await database.close();
  }
  send('stopped');
  port?.close();
}

port.on('message', (command: RelayThreadCommand) => {
  if (command === 'wake') relay.wake();
  else if (command === 'stop') void stop();
});
send('ready');
