import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into every data directory the platform creates, so `--reset` never deletes anything else. */
export const MARKER_FILE = '.arka-data-dir';
/** The running platform's claim on its data directory (data-dir-lock.ts); `--reset` keeps it. */
export const LOCK_FILE = 'platform.lock';
const PASSWORD_FILE = 'demo-password';

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** What Arka's processes write into a data directory, for one a service created before the platform ran. */
const ARKA_FILES =
  /^(jwt-secret|demo-password|endpoints\.json|platform\.lock(\.\d+\.(stale|new))?|notifications-outbox\.jsonl|logs|dynalite|\.build|[\w-]+\.sqlite(-wal|-shm|-journal)?)$/;

/**
 * An Arka data directory carries the marker, or holds nothing but files Arka writes;
 * a missing or empty directory is safe too.
 */
export function isArkaDataDir(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return existsSync(join(dir, MARKER_FILE)) || readdirSync(dir).every((entry) => ARKA_FILES.test(entry));
}

/**
 * Refuses (DataDirError) a directory holding anything but Arka's files: using or
 * marking it would let a later `--reset` delete someone's files. Creates it if missing.
 */
export function openDataDir(dir: string, options: { reset: boolean }): void {
  if (!isArkaDataDir(dir)) {
    throw new DataDirError(
      `${dir} is not an Arka data directory (no ${MARKER_FILE} file, and files Arka did not write); ` +
        `point ARKA_DATA_DIR at a new or empty directory${options.reset ? ', or delete it yourself' : ''}`,
    );
  }
  mkdirSync(dir, { recursive: true });
}

/**
 * Creates the data directory (emptying it first on `reset`) and marks it as Arka's.
 * The reset keeps the lock: the platform resetting holds it already, and a second
 * start must still find it.
 */
export function prepareDataDir(dir: string, options: { reset: boolean }): void {
  openDataDir(dir, options);
  if (options.reset) {
    for (const entry of readdirSync(dir)) {
      // The lock, and the drafts of another start trying to take it (data-dir-lock.ts).
      if (!entry.startsWith(LOCK_FILE)) rmSync(join(dir, entry), { recursive: true, force: true });
    }
  }
  const marker = join(dir, MARKER_FILE);
  if (!existsSync(marker))
    writeFileSync(marker, 'Arka local platform data; `npm start -- --reset` deletes it.\n');
}

/**
 * The demo users' password: the one given, else the one generated on the first start
 * and kept in the data directory, so every restart prints (and seeds) the same one.
 */
export function resolveDemoPassword(dir: string, given: string | undefined): string {
  if (given !== undefined) return given;
  const file = join(dir, PASSWORD_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(12).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The password the platform in `dir` uses, for the demo; undefined before the first start. */
export function readDemoPassword(dir: string): string | undefined {
  const file = join(dir, PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
