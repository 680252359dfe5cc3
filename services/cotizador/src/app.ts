import { v7 as uuidv7 } from 'uuid';
import {
  cachedTokenVerifier,
  createAccessTokenVerifier,
  createHttpApp,
  createLogger,
  type HttpApp,
  type Logger,
} from '@arka/kernel';
import type { SqlDatabase } from '@arka/sql';
import type { Clock, IdGenerator } from './application/ports';
import { clientesRoutes } from './adapters/http/clientes.routes';
import { createGuards, type RouteContext } from './adapters/http/context';
import { cotizacionesRoutes } from './adapters/http/cotizaciones.routes';
import { productosRoutes } from './adapters/http/productos.routes';
import {
  CachedCustomerRepository,
  CachedProductRepository,
} from './adapters/persistence/cached-repositories';
import { KyselyCustomerRepository } from './adapters/persistence/kysely-customer-repository';
import { KyselyProductRepository } from './adapters/persistence/kysely-product-repository';
import { KyselyQuoteRepository } from './adapters/persistence/kysely-quote-repository';
import { KyselyGroupCommitUnitOfWork } from './adapters/persistence/kysely-group-commit-unit-of-work';
import { KyselyUnitOfWork } from './adapters/persistence/kysely-unit-of-work';
import type { CotizadorDb } from './adapters/persistence/schema';
import type { CotizadorConfig } from './config';

export const API_PREFIX = '/api/v1/cotizador';

export interface CotizadorDeps {
  /** Migrated; buildApp neither migrates nor closes it. */
  readonly database: SqlDatabase<CotizadorDb>;
  /** The HS256 key the gateway signs access tokens with (resolveJwtSecret). */
  readonly jwtSecret: string;
  /** @default a JSON logger at config.LOG_LEVEL */
  readonly logger?: Logger;
  /** Decides fechaCotizacion and when a quote is VENCIDA. @default the system clock */
  readonly clock?: Clock;
  /**
   * @default UUIDv7: time-ordered, so each new quote, line and outbox row lands at the
   * end of its primary-key index instead of on a random page; random v4 keys dirtied
   * a page per row and made commits (and WAL checkpoints) ~4× costlier under load.
   */
  readonly newId?: IdGenerator;
  /** Called after a commit that wrote to the outbox (wakes the relay). @default nothing */
  readonly onOutboxCommitted?: () => void;
}

type AppConfig = Pick<
  CotizadorConfig,
  'LOG_LEVEL' | 'BODY_LIMIT_BYTES' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'VENTAS_EMAIL'
>;

/**
 * Builds the cotizador HTTP app without listening: tests call `inject()`, the
 * composition root calls `serve()`. Routes may still be added until it is ready.
 */
export async function buildApp(config: AppConfig, deps: CotizadorDeps): Promise<HttpApp> {
  const { db } = deps.database;
  const app = await createHttpApp({
    logger: deps.logger ?? createLogger({ service: 'cotizador', level: config.LOG_LEVEL }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    openapi: {
      title: 'Arka cotizador',
      description: 'Product catalog, customers and quotes (cotizaciones) with exact-cent pricing.',
      version: '1.0.0',
    },
    readiness: { database: () => deps.database.ping() },
  });
  const clock = deps.clock ?? (() => new Date());
  const verifier = cachedTokenVerifier(
    createAccessTokenVerifier({
      secret: deps.jwtSecret,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }),
  );
  // The embedded mode is the only writer of its file, so it may keep the catalog in memory.
  const embedded = deps.database.driver === 'sqlite';
  const products = new KyselyProductRepository(db);
  const customers = new KyselyCustomerRepository(db);
  const context: RouteContext = {
    products: embedded ? new CachedProductRepository(products) : products,
    customers: embedded ? new CachedCustomerRepository(customers) : customers,
    quotes: new KyselyQuoteRepository(db),
    unitOfWork: embedded
      ? new KyselyGroupCommitUnitOfWork(db, deps.onOutboxCommitted)
      : new KyselyUnitOfWork(db, deps.onOutboxCommitted),
    clock,
    newId: deps.newId ?? uuidv7,
    salesEmail: config.VENTAS_EMAIL,
    guards: createGuards(verifier),
  };
  await app.register(
    async (api) => {
      productosRoutes(api, context);
      clientesRoutes(api, context);
      cotizacionesRoutes(api, context);
    },
    { prefix: API_PREFIX },
  );
  return app;
}
