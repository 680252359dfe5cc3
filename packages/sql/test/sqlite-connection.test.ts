import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkpointWal,
  openDatabase,
  setWalCheckpointPages,
  SQLITE_PAGE_CACHE_KIB,
  type SqlDatabase,
} from '../src/database';

const dirs: string[] = [];
const databases: SqlDatabase<unknown>[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((d) => d.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A file in a fresh directory, removed after the test. */
function scratchFile(name = 'store.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'arka-sql-'));
  dirs.push(dir);
  return join(dir, name);
}

/** Two connections to one file, closed after the test. */
function twoConnections(): { file: string; first: SqlDatabase<unknown>; second: SqlDatabase<unknown> } {
  const file = scratchFile();
  const first = openDatabase({ driver: 'sqlite', file });
  const second = openDatabase({ driver: 'sqlite', file });
  databases.push(first, second);
  return { file, first, second };
}

async function pragma(database: SqlDatabase<unknown>, name: string): Promise<unknown> {
  const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.db);
  return Object.values(rows[0] ?? {})[0];
}

describe('openDatabase on SQLite', () => {
  it('opens the file in WAL mode with a 2 MB page cache, not better-sqlite3’s 16 MB', async () => {
    // Prepare
    const file = scratchFile(join('nested', 'store.sqlite'));

    // Act
    const database = openDatabase({ driver: 'sqlite', file });
    databases.push(database);

    // Assess
    expect(SQLITE_PAGE_CACHE_KIB).toBe(2_000);
    expect(await pragma(database, 'cache_size')).toBe(-SQLITE_PAGE_CACHE_KIB);
    expect(await pragma(database, 'journal_mode')).toBe('wal');
    expect(await pragma(database, 'foreign_keys')).toBe(1);
  });

  it('moves the WAL checkpoint mark of one connection only, and refuses a nonsensical mark', async () => {
    // Prepare
    const { first: requests, second: relay } = twoConnections();

    // Act
    await setWalCheckpointPages(requests, 10_000);

    // Assess
    expect(await pragma(requests, 'wal_autocheckpoint')).toBe(10_000);
    expect(await pragma(relay, 'wal_autocheckpoint')).toBe(1_000);
    await expect(setWalCheckpointPages(requests, -1)).rejects.toThrow(RangeError);
    await expect(setWalCheckpointPages(requests, 1.5)).rejects.toThrow(RangeError);
    expect(await pragma(requests, 'wal_autocheckpoint')).toBe(10_000);
  });

  it('copies the log a writer left behind into the file from another connection', async () => {
    // Prepare: a writer that never checkpoints, with about 1 MB in its log
    const { file, first: writer, second: reader } = twoConnections();
    await setWalCheckpointPages(writer, 0);
    await sql`create table t (v text)`.execute(writer.db);
    for (let i = 0; i < 250; i++)
      await sql`insert into t (v) values (${'x'.repeat(4_000)})`.execute(writer.db);
    const before = statSync(file).size;

    // Act
    await checkpointWal(reader);

    // Assess
    expect(before).toBeLessThan(100_000);
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
  });
});
