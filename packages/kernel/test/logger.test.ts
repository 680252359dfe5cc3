import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const fixture = join(import.meta.dirname, 'fixtures', 'log-then-exit.ts');

async function run(lines: number, exitCode: number): Promise<string[]> {
  const child = promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', fixture, String(lines), String(exitCode)],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const { stdout } = await child.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return stdout.split('\n').filter((line) => line.length > 0);
}

describe('the service logger', () => {
  it('writes every line logged before the process exits, though it does not wait for each write', async () => {
    // Act
    const ok = await run(20_000, 0);
    const failing = await run(20_000, 3);

    // Assess
    for (const lines of [ok, failing]) {
      expect(lines).toHaveLength(20_000);
      expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({
        i: 19_999,
        service: 'fixture',
        message: 'line',
      });
    }
  }, 30_000);
});
