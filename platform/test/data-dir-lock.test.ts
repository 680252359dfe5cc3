import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isArkaDataDir } from '../src/data-dir';
import { assertDataDirFree, claimDataDir, LOCK_FILE, lockDataDir } from '../src/data-dir-lock';
import { processStart } from '../src/process-tree';
import { scratchDirs } from './helpers/scratch';

const scratch = scratchDirs('arka-lock-');

/** A live process that is not this one, stopped by the test. */
async function otherProcess<T>(work: (pid: number) => T): Promise<T> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  try {
    return work(child.pid ?? -1);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

describe('the data directory lock', () => {
  it('takes a free directory, holds it with this PID, and gives it back on release', () => {
    // Prepare
    const dir = scratch();

    // Act
    const lock = lockDataDir(dir);
    const [pid, identity] = readFileSync(join(dir, LOCK_FILE), 'utf8').split('\n');
    lock.release();

    // Assess
    expect(pid).toBe(String(process.pid));
    if (process.platform === 'linux') expect(identity).toBe(processStart(process.pid));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(isArkaDataDir(dir)).toBe(true);
  });

  it('refuses a directory a live platform holds, naming its PID, and leaves its lock alone', async () => {
    // Prepare
    const dir = scratch();

    await otherProcess((pid) => {
      writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);

      // Act
      const check = () => assertDataDirFree(dir);
      const take = () => lockDataDir(dir);

      // Assess
      expect(check).toThrow(`Arka is already running on ${dir} (PID ${pid})`);
      expect(take).toThrow(`(PID ${pid})`);
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(pid));
    });
  });

  it('refuses a directory whose lock names that very live process', async () => {
    // Prepare
    const dir = scratch();

    await otherProcess((pid) => {
      writeFileSync(join(dir, LOCK_FILE), `${pid}\n${processStart(pid) ?? ''}\n`);

      // Act
      const take = () => lockDataDir(dir);

      // Assess
      expect(take).toThrow(`(PID ${pid})`);
    });
  });

  it.skipIf(process.platform !== 'linux')(
    'takes over a lock whose PID now belongs to another, unrelated process',
    async () => {
      // Prepare: a live PID, but recorded with another process's start (a reboot, a reused number)
      const dir = scratch();

      await otherProcess((pid) => {
        writeFileSync(join(dir, LOCK_FILE), `${pid}\n00000000-0000-0000-0000-000000000000:1\n`);

        // Act
        const lock = lockDataDir(dir);

        // Assess
        expect(readFileSync(join(dir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(process.pid));
        lock.release();
      });
    },
  );

  it('takes over the lock of a platform that is gone', async () => {
    // Prepare: the PID of a process that has exited
    const dir = scratch();
    const gone = await otherProcess((pid) => pid);
    writeFileSync(join(dir, LOCK_FILE), `${gone}\n`);

    // Act
    const lock = lockDataDir(dir);

    // Assess
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
  });

  it('leaves a lock another process took since alone on release', () => {
    // Prepare
    const dir = scratch();
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), '999999\n');

    // Act
    lock.release();

    // Assess
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe('999999');
  });

  it('lets one of several starts with --reset at the same moment run, and the others name it', async () => {
    // Prepare: a stale lock, which every start may try to take over
    const dir = scratch();
    const gone = await otherProcess((pid) => pid);
    claimDataDir(dir, { reset: false }).release();
    writeFileSync(join(dir, LOCK_FILE), `${gone}\n`);
    const fixture = join(import.meta.dirname, 'fixtures', 'claim-data-dir.ts');
    const starts = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', fixture, dir], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );

    try {
      // Act
      const said = await Promise.all(
        starts.map(async (start) => {
          const [chunk] = (await once(start.stdout, 'data')) as [Buffer];
          return JSON.parse(chunk.toString()) as { pid: number; claimed?: true; refused?: string };
        }),
      );

      // Assess
      const claimed = said.filter((s) => s.claimed);
      expect(claimed).toHaveLength(1);
      const holder = claimed[0]?.pid;
      for (const other of said.filter((s) => !s.claimed)) expect(other.refused).toContain(`(PID ${holder})`);
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(holder));
      expect(readdirSync(dir)).toContain(`running-${holder}.sqlite`);
    } finally {
      for (const start of starts) {
        // The starts that were refused exit by themselves; one may be going as we write.
        start.stdin.on('error', () => undefined);
        if (start.exitCode === null && start.signalCode === null) {
          const exited = once(start, 'exit');
          start.stdin.end('go\n');
          await exited;
        }
      }
    }
  }, 30_000);

  it('keeps the lock when it resets the directory it claimed', () => {
    // Prepare
    const dir = scratch();
    claimDataDir(dir, { reset: false }).release();
    writeFileSync(join(dir, 'cotizador.sqlite'), 'old');

    // Act
    const lock = claimDataDir(dir, { reset: true });
    const entries = readdirSync(dir);
    lock.release();

    // Assess
    expect(entries).toContain(LOCK_FILE);
    expect(entries).not.toContain('cotizador.sqlite');
  });
});
