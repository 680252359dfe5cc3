/**
 * One platform per data directory: two would share its SQLite files, its dynalite
 * store and its endpoints.json, and a second `npm start -- --reset` would delete
 * the files under the first one. The lock is a file holding the supervisor's PID
 * and, on Linux, which process that was (the boot and the process's start time);
 * one whose process is gone (a crash, a reboot) is taken over, even when a later,
 * unrelated process has been given the same PID.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError } from './data-dir';
import { processStart } from './process-tree';

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

/** What the lock holds: the PID, then the process's identity where the system tells it. */
function lockText(pid: number): string {
  const identity = processStart(pid);
  return identity === undefined ? `${pid}\n` : `${pid}\n${identity}\n`;
}

/** The PID of the live platform holding `dir`, if any. */
export function platformHolding(dir: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const [first = '', recorded] = text.split('\n');
  const pid = Number.parseInt(first, 10);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return undefined;
  // The same PID on another process (after a reboot, or once the numbers wrapped): not the holder.
  const now = processStart(pid);
  if (recorded !== undefined && recorded !== '' && now !== undefined && now !== recorded) return undefined;
  return pid;
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
    writeFileSync(file, lockText(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone took it between the check and here, or it is stale: check again, then take it over.
    assertDataDirFree(dir);
    writeFileSync(file, lockText(process.pid));
  }
  return {
    release() {
      let holder: string;
      try {
        holder = readFileSync(file, 'utf8').trim();
      } catch {
        return;
      }
      if (holder.split('\n')[0] === String(process.pid)) rmSync(file, { force: true });
    },
  };
}
