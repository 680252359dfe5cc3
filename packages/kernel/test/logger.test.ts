import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LOG_BATCH_BYTES } from '../src/logger';

const fixture = join(import.meta.dirname, 'fixtures', 'log-then-exit.ts');

async function run(lines: number, ending: string): Promise<string[]> {
  const child = promisify(execFile)(process.execPath, ['--import', 'tsx', fixture, String(lines), ending], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const { stdout } = await child.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return stdout.split('\n').filter((line) => line.length > 0);
}

describe('the service logger', () => {
  it('writes every line logged before the process exits, though it writes them in batches', async () => {
    // Act
    const endings = await Promise.all(['0', '3', 'throw'].map((ending) => run(20_000, ending)));

    // Assess
    for (const lines of endings) {
      expect(lines).toHaveLength(20_000);
      expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({
        i: 19_999,
        service: 'fixture',
        message: 'line',
      });
    }
  }, 60_000);

  it('writes the lines of a quiet process without waiting for a full batch', async () => {
    // Arrange: one line, far short of a batch, and the process keeps running
    expect(JSON.stringify({ i: 0, service: 'fixture', message: 'line' }).length).toBeLessThan(
      LOG_BATCH_BYTES,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, '1', 'stay'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      // Act
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];

      // Assess: it arrived while the process still runs
      expect(child.exitCode).toBeNull();
      expect(JSON.parse(chunk.toString())).toMatchObject({ i: 0, message: 'line' });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 30_000);
});
