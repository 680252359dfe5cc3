import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./broker-child.ts', import.meta.url));

export interface BrokerChild {
  readonly process: ChildProcess;
  /** Resolves with the next line the child prints. */
  nextLine(): Promise<string>;
  /** Resolves when the child has exited. */
  readonly exited: Promise<void>;
}

/** Starts `broker-child.ts` in its own Node process (tsx loader). */
export function spawnBrokerChild(args: readonly string[]): BrokerChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    exited,
    nextLine: () =>
      new Promise((resolve, reject) => {
        const line = lines.shift();
        if (line !== undefined) return resolve(line);
        waiting.push(resolve);
        void exited.then(() => reject(new Error(`child exited before printing; stderr: ${stderr}`)));
      }),
  };
}
