import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '@arka/messaging';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlDatabase } from '../src/database';
import { migrateToLatest } from '../src/migrate';
import { appendToOutbox, outboxMigration, SqlOutboxStore } from '../src/outbox';
import { createScratchMysqlDatabase, mysqlSkipReason } from '../src/testing';

const skipMysql = mysqlSkipReason(process.env);
if (skipMysql) console.warn(skipMysql);

interface Thing {
  things: { id: string; name: string };
}

function message(id: string, at = new Date('2026-01-01T00:00:00Z')): OutboxMessage {
  return {
    id,
    destination: { kind: 'topic', name: 'arka-notificaciones' },
    body: `{"id":"${id}"}`,
    attributes: { priority: 'high', n: 3 },
    createdAt: at,
  };
}

const migrations = {
  '0001_outbox': outboxMigration('test_outbox'),
  '0002_things': {
    up: (db: Kysely<unknown>) =>
      db.schema
        .createTable('things')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('name', 'varchar(50)', (c) => c.notNull())
        .execute(),
  },
};

function contract(
  name: string,
  open: () => Promise<{ database: SqlDatabase<Thing>; dispose: () => Promise<void> }>,
) {
  describe(`SQL outbox on ${name}`, () => {
    let database: SqlDatabase<Thing>;
    let dispose: () => Promise<void>;
    let store: SqlOutboxStore;

    beforeAll(async () => {
      ({ database, dispose } = await open());
      await migrateToLatest(database.db, migrations, { tableName: 'test_migrations' });
      store = new SqlOutboxStore(database.db, 'test_outbox');
    });
    afterAll(async () => dispose());

    it('answers a ping', async () => {
      await expect(database.ping()).resolves.toBeUndefined();
    });

    it('migrating twice is a no-op', async () => {
      await expect(
        migrateToLatest(database.db, migrations, { tableName: 'test_migrations' }),
      ).resolves.toBeUndefined();
    });

    it('commits the state change and its messages together, in write order', async () => {
      await database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 't1', name: 'one' }).execute();
        await appendToOutbox(trx, 'test_outbox', [message('m1'), message('m2')]);
      });
      await database.db
        .transaction()
        .execute(async (trx) => appendToOutbox(trx, 'test_outbox', [message('m3')]));
      const pending = await store.fetchPending(10);
      expect(pending.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
      expect(pending[0]).toEqual(message('m1'));
    });

    it('loses both the state change and its messages on rollback', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await trx.insertInto('things').values({ id: 't2', name: 'two' }).execute();
          await appendToOutbox(trx, 'test_outbox', [message('lost')]);
          throw new Error('use case failed');
        }),
      ).rejects.toThrow('use case failed');
      expect(await database.db.selectFrom('things').selectAll().where('id', '=', 't2').execute()).toEqual([]);
      expect((await store.fetchPending(10)).map((m) => m.id)).not.toContain('lost');
    });

    it('stops returning messages once marked sent, and keeps no row for them', async () => {
      await store.markSent(['m1', 'm2']);
      expect((await store.fetchPending(10)).map((m) => m.id)).toEqual(['m3']);
      expect(await store.pendingCount()).toBe(1);
      expect((await store.fetchPending(0)).length).toBe(0);
      const rows = await (database.db as unknown as Kysely<Record<string, { id: string }>>)
        .selectFrom('test_outbox')
        .select('id')
        .execute();
      expect(rows.map((r) => r.id)).toEqual(['m3']);
    });
  });
}

contract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arka-sql-'));
  const database = openDatabase<Thing>({ driver: 'sqlite', file: join(dir, 'test.sqlite') });
  return {
    database,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(skipMysql !== undefined)('MySQL', () => {
  contract('MySQL', async () => {
    const scratch = await createScratchMysqlDatabase(process.env['MYSQL_URL'] ?? '');
    const database = openDatabase<Thing>({ driver: 'mysql', uri: scratch.url, poolSize: 4 });
    return {
      database,
      dispose: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  });
});
