import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { SqlTarget } from './config';

export type SqlDriver = SqlTarget['driver'];

export interface SqlDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly driver: SqlDriver;
  /** Resolves when the database answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How much SQL text the cache keeps prepared. A prepared statement's memory grows
 * with its text, and a group commit's multi-row inserts have one text per row
 * count, up to ~70 KB each: a bound by size keeps the small statements every
 * request runs and lets the rare big ones be prepared again.
 */
const STATEMENT_CACHE_CHARS = 256 * 1024;

/**
 * Kysely's SQLite driver prepares every statement anew, and parsing a statement
 * costs SQLite about as much as running a small one. better-sqlite3 statements
 * are reusable, and the one connection runs one query at a time, so a statement
 * is prepared once per SQL text while it stays in the cache.
 */
export function withStatementCache(
  database: Database.Database,
  maxChars = STATEMENT_CACHE_CHARS,
): SqliteDatabase {
  const statements = new LRUCache<string, Database.Statement>({
    maxSize: maxChars,
    sizeCalculation: (_statement, text) => Math.max(1, text.length),
  });
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = database.prepare(text);
        // A text over the bound is never kept (set() refuses it), only prepared.
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * KiB of page cache per SQLite connection: SQLite's own default. better-sqlite3
 * builds SQLite with 16,000, filled as a database grows and never given back; the
 * local platform opens about eight connections, and the writes we make append.
 */
export const SQLITE_PAGE_CACHE_KIB = 2_000;

function sqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL lets readers proceed during a write; the busy timeout covers other processes' writes.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma(`cache_size = -${SQLITE_PAGE_CACHE_KIB}`);
  return new SqliteDialect({ database: withStatementCache(database) });
}

function mysqlDialect(target: Extract<SqlTarget, { driver: 'mysql' }>): MysqlDialect {
  const common = {
    connectionLimit: target.poolSize,
    timezone: 'Z',
    // BIGINT cents come back as numbers while safe and as strings beyond; adapters accept both.
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: true,
    charset: 'utf8mb4',
  } as const;
  // mysql2 is loaded only when MySQL is used: the embedded mode never pays for it.
  const pool = async () => {
    const { createPool } = await import('mysql2');
    return target.uri
      ? createPool({ uri: target.uri, ...common })
      : createPool({
          host: target.host,
          port: target.port,
          database: target.database,
          user: target.user,
          password: target.password,
          ...common,
        });
  };
  return new MysqlDialect({ pool });
}

export function openDatabase<DB>(target: SqlTarget): SqlDatabase<DB> {
  const dialect = target.driver === 'sqlite' ? sqliteDialect(target.file) : mysqlDialect(target);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    driver: target.driver,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * Has this SQLite connection copy its write-ahead log back into the database file
 * only once the log holds `pages` pages (SQLite's default is 1,000). The copy, and
 * its fsync, run inside whichever commit crosses the mark: a connection whose
 * commits must stay short (the requests') leaves the work to another connection of
 * the same file that keeps the default, and keeps a higher mark as a bound should
 * that one stop committing. Nothing to do on MySQL.
 */
export async function setWalCheckpointPages<DB>(database: SqlDatabase<DB>, pages: number): Promise<void> {
  if (database.driver !== 'sqlite') return;
  if (!Number.isSafeInteger(pages) || pages < 0) throw new RangeError(`WAL checkpoint pages: ${pages}`);
  await sql.raw(`PRAGMA wal_autocheckpoint = ${pages}`).execute(database.db);
}

/**
 * Copies as much of the write-ahead log back into the database file as no reader
 * still needs (a PASSIVE checkpoint: it takes no writer's lock and waits for no
 * one). Nothing to do on MySQL.
 */
export async function checkpointWal<DB>(database: SqlDatabase<DB>): Promise<void> {
  if (database.driver !== 'sqlite') return;
  await sql.raw('PRAGMA wal_checkpoint(PASSIVE)').execute(database.db);
}

/** True when the error is a unique or primary key violation, on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** BIGINT / DECIMAL-as-integer columns: a number from SQLite, a number or string from mysql2. */
export function toBigInt(value: number | bigint | string): bigint {
  return typeof value === 'bigint' ? value : BigInt(typeof value === 'number' ? Math.trunc(value) : value);
}
