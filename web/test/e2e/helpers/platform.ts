import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const WEB_DIR = join(REPO_ROOT, 'web');

/** The platform as `npm start` runs it, on free ports and a throwaway data directory. */
export interface RunningPlatform {
  readonly gateway: string;
  readonly password: string;
  output(): string;
  /** SIGTERM to the supervisor this helper spawned (it stops its own children), then removes the data. */
  stop(): Promise<void>;
}

export type StartResult =
  { readonly ok: true; readonly platform: RunningPlatform } | { readonly ok: false; readonly reason: string };

const READY_MARK = 'Arka is running';
/** A bound on how long starting may take (bundling and seeding on 2 shared cores), not a speed check. */
const START_BOUND_MS = 240_000;
const STOP_BOUND_MS = 30_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function waitForExit(child: ChildProcess, boundMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), boundMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

function waitForText(
  child: ChildProcess,
  text: () => string,
  wanted: string,
  boundMs: number,
): Promise<string | undefined> {
  return new Promise((done) => {
    const check = () => {
      if (text().includes(wanted)) finish(undefined);
      else if (child.exitCode !== null || child.signalCode !== null)
        finish(`the platform exited before it was ready`);
    };
    const timer = setTimeout(() => finish(`the platform was not ready after ${boundMs / 1000} s`), boundMs);
    const finish = (reason: string | undefined) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', check);
      done(reason);
    };
    child.stdout?.on('data', check);
    child.on('exit', check);
    check();
  });
}

/** What is missing for an end-to-end run on this machine, if anything. */
export function missingPrerequisite(): string | undefined {
  for (const file of ['platform/src/start.ts', 'services/gateway/src/main.ts']) {
    if (!existsSync(join(REPO_ROOT, file))) return `${file} does not exist yet`;
  }
  if (!existsSync('/usr/bin/chromium')) return '/usr/bin/chromium is missing (apt-get install -y chromium)';
  return undefined;
}

/**
 * Spawns the platform's supervisor and waits for its summary. Resolves with the
 * reason instead when it cannot start, so the suite can skip and say why.
 */
export async function startPlatform(): Promise<StartResult> {
  const missing = missingPrerequisite();
  if (missing !== undefined) return { ok: false, reason: missing };
  const dataDir = mkdtempSync(join(tmpdir(), 'arka-e2e-'));
  const [gateway, cotizador, gestor, dynalite, ses, metrics] = await distinctFreePorts(6);
  const password = `e2e-${randomBytes(9).toString('base64url')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'platform/src/start.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ARKA_DATA_DIR: dataDir,
      GATEWAY_PORT: String(gateway),
      COTIZADOR_PORT: String(cotizador),
      GESTOR_PORT: String(gestor),
      DYNALITE_PORT: String(dynalite),
      SES_PORT: String(ses),
      METRICS_PORT: String(metrics),
      ARKA_DEMO_PASSWORD: password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));

  const stop = async () => {
    const pid = child.pid;
    if (pid !== undefined && child.exitCode === null && child.signalCode === null)
      process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(child, STOP_BOUND_MS)) && pid !== undefined) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const failure = await waitForText(child, () => text, READY_MARK, START_BOUND_MS);
  if (failure !== undefined) {
    await stop();
    return { ok: false, reason: `${failure}; its output:\n${text.slice(-3000)}` };
  }
  return {
    ok: true,
    platform: { gateway: `http://127.0.0.1:${gateway}`, password, output: () => text, stop },
  };
}
