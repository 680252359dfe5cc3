import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money, MAX_JSON_CENTS } from '@arka/kernel';
import { TOPIC_NAMES, type OutboxMessage } from '@arka/messaging';
import {
  createScratchMysqlDatabase,
  migrateToLatest,
  mysqlSkipReason,
  openDatabase,
  SqlOutboxStore,
  type SqlDatabase,
} from '@arka/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyCustomerRepository } from '../../src/adapters/persistence/kysely-customer-repository';
import { KyselyProductRepository } from '../../src/adapters/persistence/kysely-product-repository';
import { KyselyQuoteRepository } from '../../src/adapters/persistence/kysely-quote-repository';
import { KyselyGroupCommitUnitOfWork } from '../../src/adapters/persistence/kysely-group-commit-unit-of-work';
import { KyselyUnitOfWork } from '../../src/adapters/persistence/kysely-unit-of-work';
import { migrations } from '../../src/adapters/persistence/migrations';
import { MIGRATIONS_TABLE, OUTBOX_TABLE, type CotizadorDb } from '../../src/adapters/persistence/schema';
import { DEMO_CUSTOMERS, seedEmbeddedData } from '../../src/adapters/seed/seed-embedded';
import { priceQuote } from '../../src/domain/pricing';
import type { Product } from '../../src/domain/product';
import { newQuote, type Quote } from '../../src/domain/quote';

const skipMysql = mysqlSkipReason(process.env);
if (skipMysql) console.warn(skipMysql);

const PRODUCTS: readonly Product[] = [
  {
    id: 1,
    sku: 'MOU-1',
    nombre: 'Mouse inalámbrico Logitech',
    categoria: 'Mouse',
    precio: money.ofCents(4_290_000),
    stock: 340,
    activo: true,
  },
  {
    id: 2,
    sku: 'TEC-1',
    nombre: 'Teclado mecánico Ñandú',
    categoria: 'Teclados',
    precio: money.ofCents(MAX_JSON_CENTS),
    stock: 0,
    activo: true,
  },
  {
    id: 3,
    sku: 'MOU-2',
    nombre: 'Mouse 100%_off',
    categoria: 'Mouse',
    precio: money.ofCents(1),
    stock: 2,
    activo: false,
  },
];

let sequence = 0;
function quoteFor(clienteId: string, at: Date, cantidad = 3): Quote {
  sequence += 1;
  const id = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const priced = priceQuote('MAYORISTA', [
    {
      productoId: 1,
      nombre: 'Mouse inalámbrico Logitech',
      cantidad,
      precioUnitario: money.ofCents(4_290_000),
      stock: 340,
    },
    { productoId: 3, nombre: 'Mouse 100%_off', cantidad: 1, precioUnitario: money.ofCents(1), stock: 2 },
  ]);
  return newQuote({
    id,
    clienteId,
    tipoCliente: 'MAYORISTA',
    observaciones: 'entrega en Bogotá',
    priced,
    now: at,
  });
}

function outboxMessage(id: string): OutboxMessage {
  return {
    id,
    destination: { kind: 'topic', name: TOPIC_NAMES.notificaciones },
    body: '{}',
    attributes: { priority: 'normal' },
    createdAt: new Date(),
  };
}

function contract(
  name: string,
  open: () => Promise<{ database: SqlDatabase<CotizadorDb>; dispose: () => Promise<void> }>,
) {
  describe(`cotizador repositories on ${name}`, () => {
    let database: SqlDatabase<CotizadorDb>;
    let dispose: () => Promise<void>;
    let products: KyselyProductRepository;
    let customers: KyselyCustomerRepository;
    let quotes: KyselyQuoteRepository;

    beforeAll(async () => {
      ({ database, dispose } = await open());
      await migrateToLatest(database.db, migrations, { tableName: MIGRATIONS_TABLE });
      products = new KyselyProductRepository(database.db);
      customers = new KyselyCustomerRepository(database.db);
      quotes = new KyselyQuoteRepository(database.db);
      await seedEmbeddedData({ products, customers }, async () => PRODUCTS);
    });
    afterAll(async () => dispose());

    it('migrates twice without change', async () => {
      await expect(
        migrateToLatest(database.db, migrations, { tableName: MIGRATIONS_TABLE }),
      ).resolves.toBeUndefined();
    });

    it('seeds once: a database with products is left alone', async () => {
      expect(await seedEmbeddedData({ products, customers }, async () => PRODUCTS)).toEqual({
        products: 0,
        customers: 0,
      });
      expect(await products.count()).toBe(PRODUCTS.length);
      expect(await customers.findById('CLI003')).toEqual(DEMO_CUSTOMERS[2]);
    });

    it('reads products back exactly: accents, the largest exact amount, activo', async () => {
      expect(await products.findByIds([3, 1, 2, 404])).toEqual(expect.arrayContaining([...PRODUCTS]));
      expect(await products.findByIds([404])).toEqual([]);
      expect(await products.findById(2)).toEqual(PRODUCTS[1]);
    });

    it('lists products by text, categoria and page', async () => {
      expect((await products.list({ q: 'MOUSE' }, { page: 0, size: 10 })).items.map((p) => p.id)).toEqual([
        1, 3,
      ]);
      expect(
        (await products.list({ q: 'INALAMBRICO' }, { page: 0, size: 10 })).items.map((p) => p.id),
      ).toEqual([1]);
      expect((await products.list({ q: 'ñandú' }, { page: 0, size: 10 })).items.map((p) => p.id)).toEqual([
        2,
      ]);
      expect((await products.list({ q: '%_' }, { page: 0, size: 10 })).items.map((p) => p.id)).toEqual([3]);
      expect((await products.list({ q: '%' }, { page: 0, size: 10 })).items.map((p) => p.id)).toEqual([3]);
      expect(await products.list({ categoria: 'Mouse' }, { page: 1, size: 1 })).toEqual({
        items: [PRODUCTS[2]],
        total: 2,
      });
    });

    it('creates products with new ids after the seeded ones and refuses a taken sku', async () => {
      const created = await products.create({
        sku: 'NEW-1',
        nombre: 'n',
        categoria: 'c',
        precio: money.ofCents(5),
        stock: 1,
        activo: true,
      });
      expect(created?.id).toBeGreaterThan(3);
      expect(
        await products.create({
          sku: 'NEW-1',
          nombre: 'n',
          categoria: 'c',
          precio: money.ofCents(5),
          stock: 1,
          activo: true,
        }),
      ).toBeUndefined();
      expect(await products.update(created?.id ?? 0, { sku: 'MOU-1' })).toBe('sku-taken');
      expect(
        await products.update(created?.id ?? 0, { precio: money.ofCents(7), activo: false }),
      ).toMatchObject({ precio: 7n, activo: false });
      expect(await products.update(9999, { stock: 1 })).toBeUndefined();
    });

    it('creates, refuses duplicates of, updates and filters customers', async () => {
      const c = {
        id: 'CLI777',
        nombre: 'Siete',
        tipoCliente: 'RETAIL' as const,
        email: 's@x.example',
        telefono: '+573000000777',
      };
      expect(await customers.create(c)).toBe(true);
      expect(await customers.create(c)).toBe(false);
      expect(await customers.update('CLI777', { tipoCliente: 'DISTRIBUIDOR' })).toEqual({
        ...c,
        tipoCliente: 'DISTRIBUIDOR',
      });
      expect(await customers.update('CLI404', { nombre: 'x' })).toBeUndefined();
      const distribuidores = await customers.list({ tipoCliente: 'DISTRIBUIDOR' }, { page: 0, size: 10 });
      expect(distribuidores.items.map((x) => x.id)).toEqual(['CLI003', 'CLI777']);
    });

    it('stores a quote with its lines and reads it back unchanged', async () => {
      const quote = quoteFor('CLI001', new Date('2026-01-10T08:00:00.000Z'));
      await quotes.insert(quote);
      expect(await quotes.findById(quote.id)).toEqual(quote);
      expect(await quotes.findById('00000000-0000-4000-8000-999999999999')).toBeUndefined();
    });

    it('lists quotes newest first, by customer and by effective state', async () => {
      const a = quoteFor('CLI002', new Date('2026-02-01T00:00:00.000Z'));
      const b = quoteFor('CLI002', new Date('2026-02-02T00:00:00.000Z'));
      const c = quoteFor('CLI002', new Date('2026-02-20T00:00:00.000Z'));
      for (const q of [a, b, c]) await quotes.insert(q);
      const now = new Date('2026-03-05T00:00:00.000Z'); // a and b are past their 30 days
      const all = await quotes.list({ clienteId: 'CLI002', now }, { page: 0, size: 2 });
      expect(all.total).toBe(3);
      expect(all.items.map((q) => q.id)).toEqual([c.id, b.id]);
      expect(all.items[0]).toEqual(c);
      const vencidas = await quotes.list(
        { clienteId: 'CLI002', estado: 'VENCIDA', now },
        { page: 0, size: 10 },
      );
      expect(vencidas.items.map((q) => q.id)).toEqual([b.id, a.id]);
      const pendientes = await quotes.list(
        { clienteId: 'CLI002', estado: 'PENDIENTE', now },
        { page: 0, size: 10 },
      );
      expect(pendientes.items.map((q) => q.id)).toEqual([c.id]);
      expect(
        await quotes.list({ clienteId: 'CLI002', estado: 'APROBADA', now }, { page: 0, size: 10 }),
      ).toEqual({ items: [], total: 0 });
    });

    it('resolves a pending quote once, and never an expired one', async () => {
      const q = quoteFor('CLI003', new Date('2026-01-01T00:00:00.000Z'));
      const old = quoteFor('CLI003', new Date('2025-01-01T00:00:00.000Z'));
      await quotes.insert(q);
      await quotes.insert(old);
      const now = new Date('2026-01-02T00:00:00.000Z');
      expect(await quotes.resolvePending(q.id, 'APROBADA', now)).toBe(true);
      expect(await quotes.resolvePending(q.id, 'RECHAZADA', now)).toBe(false);
      expect((await quotes.findById(q.id))?.estado).toBe('APROBADA');
      expect(await quotes.resolvePending(old.id, 'APROBADA', now)).toBe(false);
      expect(
        (await quotes.list({ estado: 'APROBADA', now }, { page: 0, size: 10 })).items.map((x) => x.id),
      ).toEqual([q.id]);
    });

    it.each([
      ['one transaction per unit', (db: SqlDatabase<CotizadorDb>['db']) => new KyselyUnitOfWork(db)],
      ['group commit', (db: SqlDatabase<CotizadorDb>['db']) => new KyselyGroupCommitUnitOfWork(db)],
    ])('with %s, fails only the unit that throws among concurrent ones', async (_name, make) => {
      let committed = 0;
      const unitOfWork = make(database.db);
      const good = [
        quoteFor('CLI003', new Date('2026-05-01T00:00:00.000Z')),
        quoteFor('CLI003', new Date('2026-05-02T00:00:00.000Z')),
      ];
      const bad = quoteFor('CLI003', new Date('2026-05-03T00:00:00.000Z'));
      const results = await Promise.allSettled([
        unitOfWork.transaction(async (scope) => {
          await scope.quotes.insert(good[0] ?? bad);
          committed += 1;
        }),
        unitOfWork.transaction(async (scope) => {
          await scope.quotes.insert(bad);
          throw new Error('unit at fault');
        }),
        unitOfWork.transaction(async (scope) => {
          await scope.quotes.insert(good[1] ?? bad);
          return 'kept';
        }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(results[2]).toEqual({ status: 'fulfilled', value: 'kept' });
      expect(committed).toBeGreaterThan(0);
      for (const q of good) expect(await quotes.findById(q.id)).toEqual(q);
      expect(await quotes.findById(bad.id)).toBeUndefined();
    });

    it.each([
      ['one transaction per unit', (db: SqlDatabase<CotizadorDb>['db']) => new KyselyUnitOfWork(db)],
      ['group commit', (db: SqlDatabase<CotizadorDb>['db']) => new KyselyGroupCommitUnitOfWork(db)],
    ])('with %s, a quote the database refuses fails alone', async (_name, make) => {
      const unitOfWork = make(database.db);
      const kept = quoteFor('CLI001', new Date('2026-06-01T00:00:00.000Z'));
      const orphan = quoteFor('CLI404', new Date('2026-06-02T00:00:00.000Z'));
      const results = await Promise.allSettled([
        unitOfWork.transaction((scope) => scope.quotes.insert(kept)),
        unitOfWork.transaction((scope) => scope.quotes.insert(orphan)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
      expect(await quotes.findById(kept.id)).toEqual(kept);
      expect(await quotes.findById(orphan.id)).toBeUndefined();
    });

    it('with group commit, a unit reads what an earlier unit of its batch wrote', async () => {
      const unitOfWork = new KyselyGroupCommitUnitOfWork(database.db);
      const first = quoteFor('CLI001', new Date('2026-06-03T00:00:00.000Z'));
      const [, seen] = await Promise.all([
        unitOfWork.transaction((scope) => scope.quotes.insert(first)),
        unitOfWork.transaction(async (scope) => (await scope.quotes.findById(first.id))?.id),
      ]);
      expect(seen).toBe(first.id);
    });

    it('commits a quote and its outbox message together, or neither', async () => {
      const unitOfWork = new KyselyGroupCommitUnitOfWork(database.db);
      const outbox = new SqlOutboxStore(database.db, OUTBOX_TABLE);
      const kept = quoteFor('CLI001', new Date('2026-01-11T00:00:00.000Z'));
      await unitOfWork.transaction(async (scope) => {
        await scope.quotes.insert(kept);
        await scope.outbox.append([outboxMessage(`m-${kept.id}`)]);
      });
      const lost = quoteFor('CLI001', new Date('2026-01-12T00:00:00.000Z'));
      await expect(
        unitOfWork.transaction(async (scope) => {
          await scope.quotes.insert(lost);
          await scope.outbox.append([outboxMessage(`m-${lost.id}`)]);
          throw new Error('boom after both writes');
        }),
      ).rejects.toThrow('boom');
      expect(await quotes.findById(kept.id)).toEqual(kept);
      expect(await quotes.findById(lost.id)).toBeUndefined();
      const ids = (await outbox.fetchPending(100)).map((m) => m.id);
      expect(ids).toContain(`m-${kept.id}`);
      expect(ids).not.toContain(`m-${lost.id}`);
    });
  });
}

contract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cotizador-contract-'));
  const database = openDatabase<CotizadorDb>({ driver: 'sqlite', file: join(dir, 'cotizador.sqlite') });
  return {
    database,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(skipMysql !== undefined)('on MySQL (MYSQL_URL)', () => {
  contract('MySQL', async () => {
    const scratch = await createScratchMysqlDatabase(process.env['MYSQL_URL'] ?? '');
    const database = openDatabase<CotizadorDb>({ driver: 'mysql', uri: scratch.url, poolSize: 4 });
    return {
      database,
      dispose: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  });
});
