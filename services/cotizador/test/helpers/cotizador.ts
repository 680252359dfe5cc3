import { createAccessTokenSigner, money, parseConfig, type HttpApp, type Principal } from '@arka/kernel';
import { migrateToLatest, openDatabase, type SqlDatabase } from '@arka/sql';
import { sql } from 'kysely';
import { KyselyCustomerRepository } from '../../src/adapters/persistence/kysely-customer-repository';
import { KyselyProductRepository } from '../../src/adapters/persistence/kysely-product-repository';
import { migrations } from '../../src/adapters/persistence/migrations';
import { MIGRATIONS_TABLE, OUTBOX_TABLE, type CotizadorDb } from '../../src/adapters/persistence/schema';
import { readCatalogCsv } from '../../src/adapters/seed/catalog-csv';
import { seedEmbeddedData } from '../../src/adapters/seed/seed-embedded';
import { buildApp } from '../../src/app';
import { configSchema } from '../../src/config';
import type { Product } from '../../src/domain/product';

export const JWT = {
  secret: 'test-secret-of-at-least-32-bytes-long!!',
  issuer: 'arka-gateway',
  audience: 'arka-api',
};
export const BODY_LIMIT = 16 * 1024;
export const API = '/api/v1/cotizador';

/** Products with round prices for the worked examples, beside the seeded catalog (ids 1..45). */
export const TEST_PRODUCTS: readonly Product[] = [
  {
    id: 901,
    sku: 'TEST-100',
    nombre: 'Producto de prueba a 100.00',
    categoria: 'Pruebas',
    precio: money.ofCents(10_000),
    stock: 1000,
    activo: true,
  },
  {
    id: 902,
    sku: 'TEST-40',
    nombre: 'Producto de prueba a 40.00',
    categoria: 'Pruebas',
    precio: money.ofCents(4_000),
    stock: 10,
    activo: true,
  },
  {
    id: 903,
    sku: 'TEST-OFF',
    nombre: 'Producto retirado',
    categoria: 'Pruebas',
    precio: money.ofCents(1_000),
    stock: 5,
    activo: false,
  },
  {
    id: 904,
    sku: 'TEST-NONE',
    nombre: 'Producto agotado',
    categoria: 'Pruebas',
    precio: money.ofCents(999),
    stock: 0,
    activo: true,
  },
];

export interface TestCotizador {
  readonly app: HttpApp;
  readonly database: SqlDatabase<CotizadorDb>;
  /** Moves the injected clock. */
  setNow(date: Date): void;
  token(principal: Principal): Promise<string>;
  outboxRows(): Promise<{ id: string; body: string; attributes: string }[]>;
  close(): Promise<void>;
}

export const tokens = {
  ventas: { subject: 'ventas1', roles: ['VENTAS'] },
  admin: { subject: 'admin', roles: ['ADMIN'] },
  compras: { subject: 'compras1', roles: ['COMPRAS'] },
  proveedor: { subject: 'prov1', roles: ['PROVEEDOR'], proveedorId: 'PROV001' },
  cliente: (clienteId: string) => ({ subject: `user-${clienteId}`, roles: ['CLIENTE'], clienteId }),
} as const satisfies Record<string, Principal | ((id: string) => Principal)>;

/** A migrated in-memory SQLite cotizador with the catalog, demo customers and TEST_PRODUCTS. */
export async function startTestCotizador(
  start = new Date('2026-03-01T12:00:00.000Z'),
): Promise<TestCotizador> {
  const database = openDatabase<CotizadorDb>({ driver: 'sqlite', file: ':memory:' });
  await migrateToLatest(database.db, migrations, { tableName: MIGRATIONS_TABLE });
  const products = new KyselyProductRepository(database.db);
  await seedEmbeddedData({ products, customers: new KyselyCustomerRepository(database.db) }, async () => [
    ...(await readCatalogCsv(configSchema.parse({}).CATALOG_FILE)),
    ...TEST_PRODUCTS,
  ]);
  let now = start;
  const config = parseConfig(configSchema, { LOG_LEVEL: 'silent', BODY_LIMIT_BYTES: String(BODY_LIMIT) });
  const app = await buildApp(config, { database, jwtSecret: JWT.secret, clock: () => now });
  const signer = createAccessTokenSigner(JWT);
  return {
    app,
    database,
    setNow: (date) => {
      now = date;
    },
    token: (principal) => signer.sign(principal),
    async outboxRows() {
      const result = await sql<{
        id: string;
        body: string;
        attributes: string;
      }>`select id, body, attributes from ${sql.table(OUTBOX_TABLE)} order by seq`.execute(database.db);
      return result.rows;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
