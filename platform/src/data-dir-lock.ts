/**
 * One platform per data directory: two would share its SQLite files, its dynalite
 * store and its endpoints.json, and a second `npm start -- --reset` would delete
 * the files under the first one. The lock is a file holding the supervisor's PID
 * and, on Linux, which process that was (the boot and the process's start time);
 * one whose process is gone (a crash, a reboot) is taken over, even when a later,
 * unrelated process has been given the same PID. It is taken before `--reset`
 * deletes anything, and created (whole, by a hard link) and taken over (by a rename)
 * only in atomic steps, so of two starts at the same moment one runs and the other
 * names it.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError, LOCK_FILE, openDataDir, prepareDataDir } from './data-dir';
import { processStart } from './process-tree';

export { LOCK_FILE } from './data-dir';

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

/** The PID of the live platform a lock's text names, if any. */
function liveHolder(text: string): number | undefined {
  const [first = '', recorded] = text.split('\n');
  const pid = Number.parseInt(first, 10);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return undefined;
  // The same PID on another process (after a reboot, or once the numbers wrapped): not the holder.
  const now = processStart(pid);
  if (recorded !== undefined && recorded !== '' && now !== undefined && now !== recorded) return undefined;
  return pid;
}

const readLock = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The PID of the live platform holding `dir`, if any. */
export function platformHolding(dir: string): number | undefined {
  const text = readLock(join(dir, LOCK_FILE));
  return text === undefined ? undefined : liveHolder(text);
}

/**
 * Moves a stale lock out of the way. The rename is atomic: of two starts that both
 * found it stale, the second may move the first one's new lock instead, and then
 * puts it back.
 */
function removeStaleLock(file: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (liveHolder(readLock(aside) ?? '') !== undefined) renameSync(aside, file);
  else rmSync(aside, { force: true });
}

/**
 * Creates `file` holding `text` unless it exists, in one step: written beside it
 * first, then linked into place, so nobody ever reads it empty (and takes it for stale).
 */
function createWhole(file: string, text: string): boolean {
  const draft = `${file}.${process.pid}.new`;
  writeFileSync(draft, text);
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
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
  for (let attempt = 0; ; attempt += 1) {
    assertDataDirFree(dir);
    if (createWhole(file, lockText(process.pid))) break;
    // Stale when checked just above, unless another start has taken it since.
    if (attempt === 2) throw new DataDirError(`${file} keeps changing: is another Arka starting on ${dir}?`);
    removeStaleLock(file);
  }
  return {
    release() {
      const holder = readLock(file);
      if (holder?.split('\n')[0] === String(process.pid)) rmSync(file, { force: true });
    },
  };
}

/**
 * What `npm start` does with its data directory: takes the lock, then prepares the
 * directory (emptied first on `reset`, the lock kept), so a reset never deletes
 * what another platform is using.
 */
export function claimDataDir(dir: string, options: { reset: boolean }): { release(): void } {
  openDataDir(dir, options);
  const lock = lockDataDir(dir);
  try {
    prepareDataDir(dir, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  return lock;
}
