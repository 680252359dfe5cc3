import type { Kysely, Migration } from 'kysely';
import { migrateToLatest } from '@arka/sql';
import type { GatewayDb } from './schema';

const TIMESTAMP = 'varchar(32)';

const migrations: Record<string, Migration> = {
  '0001_users_and_refresh_tokens': {
    async up(db) {
      await db.schema
        .createTable('gateway_users')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('cliente_id', 'varchar(32)')
        .addColumn('proveedor_id', 'varchar(32)')
        .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('gateway_refresh_families')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
        .addColumn('revoked_at', TIMESTAMP)
        .execute();
      await db.schema
        .createTable('gateway_refresh_tokens')
        .addColumn('token_hash', 'char(64)', (c) => c.primaryKey())
        .addColumn('family_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('parent_hash', 'char(64)')
        .addColumn('issued_at', TIMESTAMP, (c) => c.notNull())
        .addColumn('expires_at', TIMESTAMP, (c) => c.notNull())
        .addColumn('spent_at', TIMESTAMP)
        .execute();
      await db.schema
        .createIndex('gateway_refresh_tokens_family_idx')
        .on('gateway_refresh_tokens')
        .column('family_id')
        .execute();
      await db.schema
        .createTable('gateway_login_attempts')
        .addColumn('username', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', TIMESTAMP)
        .addColumn('locked_until', TIMESTAMP)
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      for (const table of [
        'gateway_login_attempts',
        'gateway_refresh_tokens',
        'gateway_refresh_families',
        'gateway_users',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
};

/** Brings the gateway's tables up to date; its history table is its own, so it may share a schema. */
export function migrateGatewayDatabase(db: Kysely<GatewayDb>): Promise<void> {
  return migrateToLatest(db, migrations, { tableName: 'gateway_migrations' });
}
