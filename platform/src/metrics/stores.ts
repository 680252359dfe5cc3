import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LocalStore } from '@arka/metrics';
import { httpStatus } from '../supervisor/http-status';

/** SQLite files whose content is documents rather than tables (the DocumentDB stand-in). */
const DOCUMENT_STORE = /solicitudes|document/i;

/** Opens the file read-only and runs `select 1`: the store answers or it does not. */
function pingSqlite(file: string): Promise<boolean> {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 });
    return Promise.resolve(db.prepare('select 1 as ok').get() !== undefined);
  } catch {
    return Promise.resolve(false);
  } finally {
    db?.close();
  }
}

async function answers(url: string): Promise<boolean> {
  return (await httpStatus(url, 1500)) !== undefined;
}

/**
 * The stores of the local platform: every SQLite file in the data directory (found
 * at each run, since services create them on first start) and dynalite.
 */
export function localStores(dataDir: string, dynaliteUrl: string): LocalStore[] {
  const files = existsSync(dataDir) ? readdirSync(dataDir).filter((f) => /\.(sqlite|db)$/.test(f)) : [];
  return [
    ...files.map((file): LocalStore => ({
      name: file.replace(/\.(sqlite|db)$/, ''),
      kind: DOCUMENT_STORE.test(file) ? 'document' : 'relational',
      ping: () => pingSqlite(join(dataDir, file)),
    })),
    { name: 'dynalite-audit', kind: 'document', ping: () => answers(dynaliteUrl) },
  ];
}
