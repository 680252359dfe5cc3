import { outboxMigration } from '@arka/sql';
import { sql, type Kysely, type Migration } from 'kysely';
import { storedLinesSchema } from './rows';
import { OUTBOX_TABLE } from './schema';

/** Schema-builder only, so one history runs on SQLite and MySQL alike. */
const catalog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('productos')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('sku', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('nombre', 'varchar(200)', (c) => c.notNull())
      .addColumn('categoria', 'varchar(100)', (c) => c.notNull())
      .addColumn('precio_centavos', 'bigint', (c) => c.notNull())
      .addColumn('stock', 'integer', (c) => c.notNull())
      .addColumn('activo', 'integer', (c) => c.notNull().defaultTo(1))
      // nombre and sku folded (lower case, no accents) by the adapter: SQLite's lower()
      // knows ASCII only, so folding in SQL would search differently on each driver.
      .addColumn('busqueda', 'varchar(300)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('productos_categoria_idx').on('productos').column('categoria').execute();
    await db.schema
      .createTable('clientes')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('nombre', 'varchar(200)', (c) => c.notNull())
      .addColumn('tipo_cliente', 'varchar(16)', (c) => c.notNull())
      .addColumn('email', 'varchar(254)', (c) => c.notNull())
      .addColumn('telefono', 'varchar(16)', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('clientes').execute();
    await db.schema.dropTable('productos').execute();
  },
};

function createLinesTable(db: Kysely<unknown>) {
  return db.schema
    .createTable('cotizacion_lineas')
    .addColumn('cotizacion_id', 'varchar(36)', (c) => c.notNull().references('cotizaciones.id'))
    .addColumn('linea', 'integer', (c) => c.notNull())
    .addColumn('producto_id', 'integer', (c) => c.notNull().references('productos.id'))
    .addColumn('nombre', 'varchar(200)', (c) => c.notNull())
    .addColumn('cantidad', 'integer', (c) => c.notNull())
    .addColumn('precio_unitario_centavos', 'bigint', (c) => c.notNull())
    .addColumn('subtotal_centavos', 'bigint', (c) => c.notNull())
    .addColumn('disponibilidad', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('cotizacion_lineas_pk', ['cotizacion_id', 'linea'])
    .execute();
}

const quotes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cotizaciones')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('cliente_id', 'varchar(32)', (c) => c.notNull().references('clientes.id'))
      .addColumn('tipo_cliente', 'varchar(16)', (c) => c.notNull())
      .addColumn('subtotal_centavos', 'bigint', (c) => c.notNull())
      .addColumn('descuentos_centavos', 'bigint', (c) => c.notNull())
      .addColumn('impuestos_centavos', 'bigint', (c) => c.notNull())
      .addColumn('total_centavos', 'bigint', (c) => c.notNull())
      .addColumn('fecha_cotizacion', 'varchar(32)', (c) => c.notNull())
      .addColumn('fecha_vencimiento', 'varchar(32)', (c) => c.notNull())
      .addColumn('estado', 'varchar(16)', (c) => c.notNull())
      .addColumn('condiciones_pago', 'varchar(64)', (c) => c.notNull())
      .addColumn('tiempo_entrega', 'integer', (c) => c.notNull())
      .addColumn('observaciones', 'text')
      .execute();
    await db.schema
      .createIndex('cotizaciones_cliente_idx')
      .on('cotizaciones')
      .columns(['cliente_id', 'fecha_cotizacion'])
      .execute();
    await db.schema
      .createIndex('cotizaciones_estado_idx')
      .on('cotizaciones')
      .columns(['estado', 'fecha_vencimiento'])
      .execute();
    await createLinesTable(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('cotizacion_lineas').execute();
    await db.schema.dropTable('cotizaciones').execute();
  },
};

/** Quotes moved per step of migration 0004, so a large table never sits in memory at once. */
const QUOTES_PER_STEP = 500;

interface LegacyLine {
  cotizacion_id: string;
  linea: number;
  producto_id: number;
  nombre: string;
  cantidad: number;
  precio_unitario_centavos: number | string;
  subtotal_centavos: number | string;
  disponibilidad: string;
}
interface LinesMigrationDb {
  cotizaciones: { id: string; lineas: string | null };
  cotizacion_lineas: LegacyLine;
}

/**
 * A quote's lines are written once with it and only ever read with it, so they
 * move into the quote's row as JSON: creating a quote writes one row instead of
 * one plus one per line. (mediumtext: 100 lines of 200-character names exceed
 * MySQL's 64 KB text; SQLite reads it as TEXT.)
 */
const linesInQuote: Migration = {
  async up(untyped: Kysely<unknown>) {
    const db = untyped as Kysely<LinesMigrationDb>;
    await db.schema
      .alterTable('cotizaciones')
      .addColumn('lineas', sql`mediumtext`)
      .execute();
    for (let after = ''; ;) {
      const ids = await db
        .selectFrom('cotizaciones')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(QUOTES_PER_STEP)
        .execute();
      if (ids.length === 0) break;
      const lines = await db
        .selectFrom('cotizacion_lineas')
        .selectAll()
        .where(
          'cotizacion_id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('cotizacion_id')
        .orderBy('linea')
        .execute();
      const byQuote = new Map<string, LegacyLine[]>();
      for (const line of lines)
        byQuote.set(line.cotizacion_id, [...(byQuote.get(line.cotizacion_id) ?? []), line]);
      for (const { id } of ids) {
        const stored = (byQuote.get(id) ?? []).map((l) => ({
          productoId: Number(l.producto_id),
          nombre: l.nombre,
          cantidad: Number(l.cantidad),
          precioUnitarioCentavos: Number(l.precio_unitario_centavos),
          subtotalCentavos: Number(l.subtotal_centavos),
          disponibilidad: l.disponibilidad,
        }));
        await db
          .updateTable('cotizaciones')
          .set({ lineas: JSON.stringify(stored) })
          .where('id', '=', id)
          .execute();
      }
      after = ids.at(-1)?.id ?? after;
    }
    await db.schema.dropTable('cotizacion_lineas').execute();
  },
  async down(untyped: Kysely<unknown>) {
    const db = untyped as Kysely<LinesMigrationDb>;
    await createLinesTable(untyped);
    for (let after = ''; ;) {
      const rows = await db
        .selectFrom('cotizaciones')
        .select(['id', 'lineas'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(QUOTES_PER_STEP)
        .execute();
      if (rows.length === 0) break;
      const lines = rows.flatMap((row) =>
        storedLinesSchema.parse(JSON.parse(row.lineas ?? '[]')).map((l, index): LegacyLine => ({
          cotizacion_id: row.id,
          linea: index + 1,
          producto_id: l.productoId,
          nombre: l.nombre,
          cantidad: l.cantidad,
          precio_unitario_centavos: l.precioUnitarioCentavos,
          subtotal_centavos: l.subtotalCentavos,
          disponibilidad: l.disponibilidad,
        })),
      );
      for (let i = 0; i < lines.length; i += QUOTES_PER_STEP)
        await db
          .insertInto('cotizacion_lineas')
          .values(lines.slice(i, i + QUOTES_PER_STEP))
          .execute();
      after = rows.at(-1)?.id ?? after;
    }
    await db.schema.alterTable('cotizaciones').dropColumn('lineas').execute();
  },
};

/** The relay used to stamp sent_at and keep the row; it now deletes it. These are the old ones. */
const dropSentOutboxRows: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`delete from ${sql.table(OUTBOX_TABLE)} where sent_at is not null`.execute(db);
  },
  async down() {},
};

export const migrations: Readonly<Record<string, Migration>> = {
  '0001_catalog': catalog,
  '0002_quotes': quotes,
  '0003_outbox': outboxMigration(OUTBOX_TABLE),
  '0004_lines_in_quote': linesInQuote,
  '0005_drop_sent_outbox_rows': dropSentOutboxRows,
};
