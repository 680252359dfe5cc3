/**
 * One platform per data directory: two would share its SQLite files, its dynalite
 * store and its endpoints.json, and a second `npm start -- --reset` would delete
 * the files under the first one. The lock is a file holding the supervisor's PID;
 * one whose process is gone (a crash, a reboot) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError } from './data-dir';

export const LOCK_FILE = 'platform.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PID of the live platform holding `dir`, if any. */
export function platformHolding(dir: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

/** Refuses (DataDirError) when another live platform holds `dir`. */
export function assertDataDirFree(dir: string): void {
  const holder = platformHolding(dir);
  if (holder === undefined) return;
  throw new DataDirError(
    `Arka is already running on ${dir} (PID ${holder}). Stop it first (Ctrl-C in its terminal, or kill ${holder}), ` +
      `or give this one another ARKA_DATA_DIR. If no Arka runs, delete ${join(dir, LOCK_FILE)}.`,
  );
}

/**
 * Takes `dir` (an existing data directory) for this process; `release()` gives it
 * back if this process still holds it. Throws DataDirError when a live platform holds it.
 */
export function lockDataDir(dir: string): { release(): void } {
  const file = join(dir, LOCK_FILE);
  assertDataDirFree(dir);
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone took it between the check and here, or it is stale: check again, then take it over.
    assertDataDirFree(dir);
    writeFileSync(file, `${process.pid}\n`);
  }
  return {
    release() {
      let holder: string;
      try {
        holder = readFileSync(file, 'utf8').trim();
      } catch {
        return;
      }
      if (holder === String(process.pid)) rmSync(file, { force: true });
    },
  };
}
