import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchMysqlDatabase, mysqlSkipReason, openDatabase, type SqlDatabase } from '@arka/sql';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KyselyQuoteRepository } from '../../src/adapters/persistence/kysely-quote-repository';
import { migrations } from '../../src/adapters/persistence/migrations';
import type { CotizadorDb } from '../../src/adapters/persistence/schema';

const skipMysql = mysqlSkipReason(process.env);

const LINES = [
  ['q-1', 2, 7, 'Teclado "Ñandú" – 100%', 3, 999_999_999_999_99, 2_999_999_999_999_97, 'PARCIAL'],
  ['q-1', 1, 5, 'Mouse inalámbrico', 50, 10_000, 500_000, 'DISPONIBLE'],
  ['q-2', 1, 5, 'Mouse inalámbrico', 1, 10_000, 10_000, 'SIN_STOCK'],
] as const;

function migrator(db: Kysely<unknown>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: 'lines_migration_test',
    migrationLockTableName: 'lines_migration_test_lock',
  });
}

/** A database as version 0003 left it: three lines in their own table, one quote without lines. */
async function legacyDatabase(db: Kysely<unknown>): Promise<void> {
  const result = await migrator(db).migrateTo('0003_outbox');
  expect(result.error).toBeUndefined();
  await sql`insert into clientes (id, nombre, tipo_cliente, email, telefono)
            values ('CLI001', 'Cliente', 'MAYORISTA', 'c@arka.example', '+573001234567')`.execute(db);
  for (const [id, sku] of [
    [5, 'MOU-5'],
    [7, 'TEC-7'],
  ] as const) {
    await sql`insert into productos (id, sku, nombre, categoria, precio_centavos, stock, activo, busqueda)
              values (${id}, ${sku}, 'p', 'c', 1, 1, 1, 'p')`.execute(db);
  }
  for (const id of ['q-1', 'q-2', 'q-3']) {
    await sql`insert into cotizaciones (id, cliente_id, tipo_cliente, subtotal_centavos, descuentos_centavos,
                impuestos_centavos, total_centavos, fecha_cotizacion, fecha_vencimiento, estado,
                condiciones_pago, tiempo_entrega, observaciones)
              values (${id}, 'CLI001', 'MAYORISTA', 1, 0, 0, 1, '2026-03-01T12:00:00.000Z',
                '2026-03-31T12:00:00.000Z', 'PENDIENTE', '30 días', 5, null)`.execute(db);
  }
  for (const [quote, linea, producto, nombre, cantidad, unit, subtotal, disponibilidad] of LINES) {
    await sql`insert into cotizacion_lineas (cotizacion_id, linea, producto_id, nombre, cantidad,
                precio_unitario_centavos, subtotal_centavos, disponibilidad)
              values (${quote}, ${linea}, ${producto}, ${nombre}, ${cantidad}, ${unit}, ${subtotal},
                ${disponibilidad})`.execute(db);
  }
}

function suite(open: () => Promise<{ database: SqlDatabase<CotizadorDb>; dispose: () => Promise<void> }>) {
  let database: SqlDatabase<CotizadorDb>;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ database, dispose } = await open());
    await legacyDatabase(database.db as unknown as Kysely<unknown>);
  });
  afterEach(() => dispose());

  it('moves every line into its quote, in line order, to the cent', async () => {
    const result = await migrator(database.db as unknown as Kysely<unknown>).migrateToLatest();
    expect(result.error).toBeUndefined();
    const quotes = new KyselyQuoteRepository(database.db);
    const first = await quotes.findById('q-1');
    expect(
      first?.lineas.map((l) => [l.productoId, l.nombre, l.cantidad, l.precioUnitario, l.subtotal]),
    ).toEqual([
      [5, 'Mouse inalámbrico', 50, 10_000n, 500_000n],
      [7, 'Teclado "Ñandú" – 100%', 3, 999_999_999_999_99n, 2_999_999_999_999_97n],
    ]);
    expect((await quotes.findById('q-2'))?.lineas.map((l) => l.disponibilidad)).toEqual(['SIN_STOCK']);
    expect((await quotes.findById('q-3'))?.lineas).toEqual([]);
  });

  it('goes back to a table of lines on the way down', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await migrator(db).migrateToLatest();
    const down = await migrator(db).migrateTo('0003_outbox');
    expect(down.error).toBeUndefined();
    const rows = await sql<{
      cotizacion_id: string;
      linea: number;
      nombre: string;
      subtotal_centavos: unknown;
    }>`
      select cotizacion_id, linea, nombre, subtotal_centavos from cotizacion_lineas
      order by cotizacion_id, linea`.execute(db);
    expect(
      rows.rows.map((r) => [r.cotizacion_id, Number(r.linea), r.nombre, Number(r.subtotal_centavos)]),
    ).toEqual(
      [...LINES]
        .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1])
        .map(([quote, linea, , nombre, , , subtotal]) => [quote, linea, nombre, subtotal]),
    );
  });
}

describe('migration 0004 (lines into the quote row) on SQLite', () => {
  suite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cotizador-lines-'));
    const database = openDatabase<CotizadorDb>({ driver: 'sqlite', file: join(dir, 'cotizador.sqlite') });
    return {
      database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describe.skipIf(skipMysql !== undefined)('migration 0004 on MySQL (MYSQL_URL)', () => {
  suite(async () => {
    const scratch = await createScratchMysqlDatabase(process.env['MYSQL_URL'] ?? '');
    const database = openDatabase<CotizadorDb>({ driver: 'mysql', uri: scratch.url, poolSize: 2 });
    return {
      database,
      dispose: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  });
});
