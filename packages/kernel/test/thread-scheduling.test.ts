import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const fixture = join(import.meta.dirname, 'fixtures', 'idle-thread.ts');
const SCHED_OTHER = 0;
const SCHED_IDLE = 5;

function chrtAvailable(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!chrtAvailable())('scheduleThisThreadIdle (Linux with util-linux chrt)', () => {
  it('puts the calling worker thread under SCHED_IDLE and leaves the other threads as they were', async () => {
    // Act
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fixture]);
    const { pid, result, policies } = JSON.parse(stdout) as {
      pid: number;
      result: { policy: string; tid: number };
      policies: Record<string, number>;
    };

    // Assess
    expect(result.policy).toBe('idle');
    expect(result.tid).not.toBe(pid);
    expect(policies[String(result.tid)]).toBe(SCHED_IDLE);
    const others = Object.entries(policies).filter(([tid]) => tid !== String(result.tid));
    expect(others.length).toBeGreaterThan(1);
    for (const [, policy] of others) expect(policy).toBe(SCHED_OTHER);
  }, 30_000);
});

if (!chrtAvailable()) {
  describe('scheduleThisThreadIdle', () => {
    it.skip('needs Linux and util-linux chrt, which this machine lacks', () => undefined);
  });
}
