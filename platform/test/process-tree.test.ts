import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processTree, pssBytes, rssBytes } from '../src/process-tree';

const linux = process.platform === 'linux';

describe.skipIf(!linux)('process tree memory', () => {
  it('counts pages shared between processes once in Pss, once per process in RSS', async () => {
    // Two processes mapping the same node binary: their RSS both count its pages, their Pss split them.
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pids = processTree(process.pid);
      expect(pids).toContain(child.pid);
      for (const pid of [process.pid, child.pid ?? 0]) {
        expect(pssBytes(pid)).toBeGreaterThan(0);
        expect(pssBytes(pid)).toBeLessThan(rssBytes(pid));
      }
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  });

  it('reads 0 for a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await once(child, 'exit');
    expect(pssBytes(child.pid ?? 0)).toBe(0);
    expect(rssBytes(child.pid ?? 0)).toBe(0);
  });
});
