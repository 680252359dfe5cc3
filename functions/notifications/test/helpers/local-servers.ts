import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Real API servers for the tests: dynalite (DynamoDB) and aws-ses-v2-local (SES v2),
 * each a child process on 127.0.0.1 on a free port, stopped by its PID.
 */
export interface LocalServer {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function waitUntilReady(
  child: ChildProcess,
  ready: () => Promise<boolean>,
  what: string,
): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await ready().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${what} did not become ready`);
}

async function start(
  script: string,
  args: string[],
  what: string,
  probe: (endpoint: string) => Promise<boolean>,
): Promise<LocalServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [script, '--host', '127.0.0.1', '--port', String(port), ...args], {
    stdio: 'ignore',
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${what} did not start`);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    process.kill(pid, 'SIGTERM');
    await exited;
  };
  try {
    await waitUntilReady(child, () => probe(endpoint), what);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, pid, stop };
}

export function startDynalite(): Promise<LocalServer> {
  return start(
    join(packageDir('dynalite'), 'cli.js'),
    ['--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'],
    'dynalite',
    // dynalite answers any request, a bare GET included, once it listens.
    async (endpoint) => (await fetch(endpoint)).status > 0,
  );
}

export function startSesLocal(): Promise<LocalServer> {
  return start(
    join(packageDir('aws-ses-v2-local'), 'dist', 'cli.js'),
    [],
    'aws-ses-v2-local',
    async (endpoint) => {
      return (await fetch(`${endpoint}/health-check`)).ok;
    },
  );
}
