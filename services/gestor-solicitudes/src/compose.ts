/**
 * The composition root's wiring, shared by main.ts (a process with signal
 * handling) and startGestor / startDispatcher (in-process, for the local
 * platform supervisor and benchmarks).
 */
import { createLogger, type HttpApp, type Logger } from '@arka/kernel';
import { createMessaging, OutboxRelay, QUEUE_NAMES, type Messaging } from '@arka/messaging';
import { buildApp, systemRuntime } from './app';
import { dispatchHandler } from './adapters/messaging/dispatch-handler';
import type { SolicitudesStore } from './application/ports/solicitudes-store';
import type { GestorConfig } from './config';
import { openStore } from './store';

/** Releases everything in reverse order of opening, even when one step fails. */
async function closeAll(steps: readonly (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'closing the service failed');
}

async function withResources<T>(work: (opened: (() => Promise<void>)[]) => Promise<T>): Promise<T> {
  const opened: (() => Promise<void>)[] = [];
  try {
    return await work(opened);
  } catch (error) {
    await closeAll(opened).catch(() => undefined);
    throw error;
  }
}

export interface ComposedGestor {
  readonly app: HttpApp;
  readonly logger: Logger;
  readonly store: SolicitudesStore;
  /** Stops the relay, closes messaging and the store (after the app has closed). */
  closeResources(): Promise<void>;
}

/** The HTTP service: store, messaging, the outbox relay (started) and the app (not listening). */
export function composeGestor(config: GestorConfig): Promise<ComposedGestor> {
  return withResources(async (opened) => {
    const logger = createLogger({ service: 'gestor-solicitudes', level: config.LOG_LEVEL });
    const store = await openStore(config, logger);
    opened.push(() => store.close());
    const messaging: Messaging = await createMessaging(config.messaging, { logger });
    opened.push(() => messaging.close());
    const relay = new OutboxRelay({
      store: store.outbox,
      publisher: messaging.publisher,
      sender: messaging.sender,
      logger,
    });
    const app = await buildApp(config, { store, logger, outboxWritten: () => relay.wake() });
    relay.start();
    opened.push(() => relay.stop());
    return { app, logger, store, closeResources: () => closeAll(opened) };
  });
}

/** The dispatcher worker: consumes arka-solicitudes until closed. */
export function composeDispatcher(config: GestorConfig): Promise<{ logger: Logger; close(): Promise<void> }> {
  return withResources(async (opened) => {
    const logger = createLogger({ service: 'gestor-solicitudes-dispatcher', level: config.LOG_LEVEL });
    const store = await openStore(config, logger);
    opened.push(() => store.close());
    const messaging = await createMessaging(config.messaging, { logger });
    opened.push(() => messaging.close());
    const consumer = messaging.consumer();
    consumer.start(
      QUEUE_NAMES.solicitudes,
      dispatchHandler({ store, runtime: systemRuntime, publisher: messaging.publisher }, logger),
      { batchSize: config.DISPATCHER_BATCH_SIZE },
    );
    opened.push(() => consumer.stop());
    logger.info({ queue: QUEUE_NAMES.solicitudes, driver: messaging.driver }, 'dispatcher consuming');
    return { logger, close: () => closeAll(opened) };
  });
}
