import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect, type Generated } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from '../src/database';

interface Db {
  items: { id: Generated<number>; name: string; extra?: string | null };
}

const open: Database.Database[] = [];
afterEach(() => {
  for (const database of open.splice(0)) if (database.open) database.close();
});

function cached(size?: number) {
  const database = new Database(':memory:');
  open.push(database);
  const prepare = vi.spyOn(database, 'prepare');
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: withStatementCache(database, size) }) });
  return { db, prepare };
}

describe('withStatementCache', () => {
  it('prepares each SQL text once and reuses it with new parameters', async () => {
    const { db, prepare } = cached();
    await sql`create table items (id integer primary key, name text not null)`.execute(db);
    for (const name of ['a', 'b', 'c']) await db.insertInto('items').values({ name }).execute();
    const names = await db.selectFrom('items').select('name').orderBy('id').execute();
    expect(names.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    const inserts = prepare.mock.calls.filter(([text]) => String(text).startsWith('insert'));
    expect(inserts).toHaveLength(1);
  });

  it('keeps prepared statements valid across a schema change', async () => {
    const { db } = cached();
    await sql`create table items (id integer primary key, name text not null)`.execute(db);
    await db.insertInto('items').values({ name: 'a' }).execute();
    await sql`alter table items add column extra text`.execute(db);
    await db.insertInto('items').values({ name: 'b' }).execute();
    const rows = await db.selectFrom('items').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, name: 'a', extra: null },
      { id: 2, name: 'b', extra: null },
    ]);
  });

  it('evicts the least recently used text beyond its size', async () => {
    const { db, prepare } = cached(100);
    await sql`create table items (id integer primary key, name text not null)`.execute(db);
    const byId = (id: number) => db.selectFrom('items').select('name').where('id', '=', id);
    await byId(1).execute();
    await byId(1).where('name', '=', 'x').execute();
    await db.selectFrom('items').selectAll().execute();
    await byId(1).execute();
    const selects = prepare.mock.calls.filter(([text]) => String(text).startsWith('select'));
    expect(selects).toHaveLength(4);
  });

  it('prepares a text longer than the bound every time, and keeps the short ones', async () => {
    const { db, prepare } = cached(100);
    await sql`create table items (id integer primary key, name text not null)`.execute(db);
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `n${i}` }));
    const short = () => db.selectFrom('items').select('name').where('id', '=', 1).execute();
    await short();
    for (let i = 0; i < 3; i++) await db.insertInto('items').values(many).execute();
    await short();
    const texts = prepare.mock.calls.map(([text]) => String(text));
    expect(texts.filter((t) => t.startsWith('insert'))).toHaveLength(3);
    expect(texts.filter((t) => t.startsWith('select'))).toHaveLength(1);
  });

  it('closes the database', async () => {
    const { db } = cached();
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(open[0]?.open).toBe(false);
  });
});
