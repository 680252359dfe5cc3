import { outboxMigration } from '@arka/sql';
import type { Kysely, Migration } from 'kysely';
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
    await db.schema
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
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('cotizacion_lineas').execute();
    await db.schema.dropTable('cotizaciones').execute();
  },
};

export const migrations: Readonly<Record<string, Migration>> = {
  '0001_catalog': catalog,
  '0002_quotes': quotes,
  '0003_outbox': outboxMigration(OUTBOX_TABLE),
};
