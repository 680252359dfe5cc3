/**
 * Entry of the outbox relay's worker thread (outbox-relay-worker.ts starts it):
 * relays cotizador_outbox over connections of its own until the parent says
 * "stop", then closes them, answers "stopped" and lets the thread end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '@arka/kernel';
import { openDatabase } from '@arka/sql';
import type { CotizadorDb } from './adapters/persistence/schema';
import { startOutboxRelay } from './outbox-relay';
import type { RelayThreadCommand, RelayThreadData, RelayThreadEvent } from './outbox-relay-worker';

const port = parentPort;
if (port === null) throw new Error('outbox-relay-thread runs as a worker thread of the cotizador');
const data = workerData as RelayThreadData;
const send = (event: RelayThreadEvent) => port.postMessage(event);

const logger = createLogger({ service: 'cotizador', level: data.logLevel });
const database = openDatabase<CotizadorDb>(data.target);
const relay = await startOutboxRelay(database, data.messaging, logger).catch(async (error: unknown) => {
  await database.close();
  throw error;
});

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
