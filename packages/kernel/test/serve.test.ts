import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixture = join(import.meta.dirname, 'fixtures', 'serve-child.ts');

describe('serve', () => {
  it('shuts down, and exits 0, when the parent that started it goes away', async () => {
    // Prepare: the parent's end of the IPC channel is what a SIGKILLed supervisor loses
    const child = fork(fixture, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit');
    try {
      const [message] = (await once(child, 'message')) as [{ address: string }];
      expect((await fetch(`${message.address}/actuator/health/liveness`)).status).toBe(200);

      // Act
      child.disconnect();

      // Assess
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
