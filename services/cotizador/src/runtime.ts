import { createLogger, parseConfig, resolveJwtSecret, type HttpApp, type Logger } from '@arka/kernel';
import {
  migrateToLatest,
  openDatabase,
  setWalCheckpointPages,
  sqlTarget,
  type SqlDatabase,
  type SqlTarget,
} from '@arka/sql';
import { KyselyCustomerRepository } from './adapters/persistence/kysely-customer-repository';
import { KyselyProductRepository } from './adapters/persistence/kysely-product-repository';
import { migrations } from './adapters/persistence/migrations';
import { MIGRATIONS_TABLE, type CotizadorDb } from './adapters/persistence/schema';
import { readCatalogCsv } from './adapters/seed/catalog-csv';
import { seedEmbeddedData } from './adapters/seed/seed-embedded';
import { buildApp } from './app';
import type { Clock } from './application/ports';
import { configSchema, type CotizadorConfig } from './config';
import { outboxDeleter, startOutboxRelay, type RunningRelay } from './outbox-relay';
import { relayThreadAvailable, startOutboxRelayThread } from './outbox-relay-worker';

/** Supervisors and signal handlers may both ask to close; the work happens once. */
function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}

export interface PreparedCotizador {
  readonly app: HttpApp;
  readonly config: CotizadorConfig;
  readonly embedded: boolean;
  /** Closes the app (if still open) and the database pool. */
  close(): Promise<void>;
}

/** Opens and migrates the database the configuration names; seeds it in the embedded mode. */
export async function openCotizadorDatabase(
  config: CotizadorConfig,
  logger: Logger,
): Promise<{ database: SqlDatabase<CotizadorDb>; target: SqlTarget; embedded: boolean }> {
  const target = sqlTarget(config, { dataDir: config.ARKA_DATA_DIR, fileName: 'cotizador.sqlite' });
  const database = openDatabase<CotizadorDb>(target);
  try {
    await migrateToLatest(database.db, migrations, { tableName: MIGRATIONS_TABLE });
    const embedded = target.driver === 'sqlite';
    if (embedded) {
      const seeded = await seedEmbeddedData(
        {
          products: new KyselyProductRepository(database.db),
          customers: new KyselyCustomerRepository(database.db),
        },
        () => readCatalogCsv(config.CATALOG_FILE),
      );
      if (seeded.products > 0)
        logger.info(seeded, 'embedded database seeded with the catalog and demo customers');
    }
    return { database, target, embedded };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The WAL mark of the requests' connection when the relay thread reads the file
 * over a connection of its own. The thread copies the log back into the file
 * (fsync included) every quarter second while it relays, so a quote's commit
 * rarely waits for a checkpoint. Under a steady stream of quotes that copy never
 * quite catches up with the writer, so the log restarts from its beginning only
 * after a checkpoint of the requests' own at this mark, which finds most of the
 * work done; it is also the bound should the thread stop. About 40 MB of log at
 * 4 KB pages.
 */
export const REQUESTS_WAL_CHECKPOINT_PAGES = 10_000;

/**
 * The relay runs on a thread of its own when its work would otherwise block the
 * requests' thread (better-sqlite3 or the embedded broker, both synchronous) and
 * the thread can open the same database (not an in-memory one). With MySQL and SNS
 * its calls are I/O the event loop waits on, and it stays on the main thread.
 */
export async function startRelay(
  config: CotizadorConfig,
  target: SqlTarget,
  database: SqlDatabase<CotizadorDb>,
  logger: Logger,
): Promise<RunningRelay> {
  const blocking = target.driver === 'sqlite' || config.messaging.driver === 'embedded';
  const shareable = !(target.driver === 'sqlite' && target.file === ':memory:');
  if (blocking && shareable) {
    if (relayThreadAvailable()) {
      const relay = await startOutboxRelayThread(
        {
          target,
          messaging: config.messaging,
          logLevel: config.LOG_LEVEL,
          idlePriority: config.OUTBOX_RELAY_IDLE_PRIORITY,
        },
        { logger, deleteSent: outboxDeleter(database) },
      );
      await setWalCheckpointPages(database, REQUESTS_WAL_CHECKPOINT_PAGES);
      return relay;
    }
    logger.warn('the outbox relay thread script is not beside this bundle; relaying on the main thread');
  }
  return startOutboxRelay(database, config.messaging, logger);
}

/**
 * Everything but listening: database, migrations, seed, JWT secret and the app.
 * Callers may add routes to `app` before they listen (the benchmark does).
 */
export async function prepareCotizador(
  config: CotizadorConfig,
  options: { readonly logger?: Logger; readonly clock?: Clock } = {},
): Promise<PreparedCotizador> {
  const logger = options.logger ?? createLogger({ service: 'cotizador', level: config.LOG_LEVEL });
  const { database, target, embedded } = await openCotizadorDatabase(config, logger);
  try {
    const jwtSecret = resolveJwtSecret({
      ...(config.JWT_SECRET === undefined ? {} : { given: config.JWT_SECRET }),
      embedded,
      dataDir: config.ARKA_DATA_DIR,
    });
    const relay = config.OUTBOX_RELAY ? await startRelay(config, target, database, logger) : undefined;
    try {
      const app = await buildApp(config, {
        database,
        jwtSecret,
        logger,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(relay ? { onOutboxCommitted: relay.wake } : {}),
      });
      return {
        app,
        config,
        embedded,
        close: once(async () => {
          await app.close();
          await relay?.stop();
          await database.close();
        }),
      };
    } catch (error) {
      await relay?.stop();
      throw error;
    }
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Starts the cotizador in this process (the local platform supervisor, benchmarks):
 * parses `env` (throws ConfigError listing every problem), prepares and listens.
 * No signal handlers are installed: the caller owns the process and calls close().
 */
export async function startCotizador(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly logger?: Logger } = {},
): Promise<{ app: HttpApp; address: string; close: () => Promise<void> }> {
  const config = parseConfig(configSchema, env);
  const prepared = await prepareCotizador(config, options);
  try {
    const address = await prepared.app.listen({ host: config.HOST, port: config.PORT });
    return { app: prepared.app, address, close: prepared.close };
  } catch (error) {
    await prepared.close();
    throw error;
  }
}
