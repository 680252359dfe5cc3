import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into every data directory the platform creates, so `--reset` never deletes anything else. */
export const MARKER_FILE = '.arka-data-dir';
const PASSWORD_FILE = 'demo-password';

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** What Arka's processes write into a data directory, for one a service created before the platform ran. */
const ARKA_FILES =
  /^(jwt-secret|demo-password|endpoints\.json|platform\.lock|notifications-outbox\.jsonl|logs|dynalite|\.build|[\w-]+\.sqlite(-wal|-shm|-journal)?)$/;

/**
 * An Arka data directory carries the marker, or holds nothing but files Arka writes;
 * a missing or empty directory is safe too.
 */
export function isArkaDataDir(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return existsSync(join(dir, MARKER_FILE)) || readdirSync(dir).every((entry) => ARKA_FILES.test(entry));
}

/**
 * Creates the data directory (deleting it first on `reset`) and marks it as Arka's.
 * A directory holding anything else is refused either way: marking it would let a
 * later `--reset` delete someone's files.
 */
export function prepareDataDir(dir: string, options: { reset: boolean }): void {
  if (!isArkaDataDir(dir)) {
    throw new DataDirError(
      `${dir} is not an Arka data directory (no ${MARKER_FILE} file, and files Arka did not write); ` +
        `point ARKA_DATA_DIR at a new or empty directory${options.reset ? ', or delete it yourself' : ''}`,
    );
  }
  if (options.reset) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
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
