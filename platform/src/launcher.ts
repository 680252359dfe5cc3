import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Ports } from './config';
import { endpointsFor, type Endpoints } from './endpoints';
import { REPO_ROOT } from './runtime/repo';

export interface LaunchOptions {
  readonly dataDir: string;
  readonly ports: Ports;
  readonly password: string;
  /** Extra environment for the supervisor (e.g. METRICS_INTERVAL_MS). */
  readonly env?: Readonly<Record<string, string>>;
  /** @default 240 s */
  readonly readyTimeoutMs?: number;
  /** Arguments of `npm start` (`--reset`). @default none */
  readonly args?: readonly string[];
  /** Called with the supervisor's PID as soon as it is spawned (the benchmark samples memory from then). */
  readonly onSpawn?: (pid: number) => void;
}

export interface LaunchedPlatform {
  readonly pid: number;
  readonly endpoints: Endpoints;
  readonly process: ChildProcess;
  /** Everything the supervisor printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the output contains `text` (searching from `from`), or rejects at the timeout. */
  waitForOutput(text: string, timeoutMs: number, from?: number): Promise<void>;
  /** SIGTERM to the supervisor; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the supervisor as `npm start` does (platform/bin/start.mjs: bundled, on plain
 * node) as a child process (tests, benchmarks) and waits for its summary. Only this
 * supervisor's PID is ever signalled.
 */
export async function launchPlatform(options: LaunchOptions): Promise<LaunchedPlatform> {
  const p = options.ports;
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'platform', 'bin', 'start.mjs'), ...(options.args ?? [])],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ARKA_DATA_DIR: options.dataDir,
        GATEWAY_PORT: String(p.gateway),
        COTIZADOR_PORT: String(p.cotizador),
        GESTOR_PORT: String(p.gestor),
        DYNALITE_PORT: String(p.dynalite),
        SES_PORT: String(p.ses),
        METRICS_PORT: String(p.metrics),
        ARKA_DEMO_PASSWORD: options.password,
        // Tests and benchmarks need no console; building it would race the console's own e2e build.
        ARKA_CONSOLE: 'off',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('the supervisor did not start');
  options.onSpawn?.(pid);
  let text = '';
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    child.emit('output');
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = once(child, 'exit').then(([code]) => code as number | null);

  const waitForOutput = (wanted: string, timeoutMs: number, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (text.indexOf(wanted, from) >= 0) finish(resolve);
        else if (child.exitCode !== null)
          finish(() => reject(new Error(`the supervisor exited before "${wanted}":\n${text}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no "${wanted}" after ${timeoutMs} ms:\n${text}`))),
        timeoutMs,
      );
      const finish = (done: () => void) => {
        clearTimeout(timer);
        child.off('output', check);
        child.off('exit', check);
        done();
      };
      child.on('output', check);
      child.on('exit', check);
      check();
    });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGTERM');
    return exited;
  };
  try {
    await waitForOutput('Arka is running', options.readyTimeoutMs ?? 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid, endpoints: endpointsFor(p), process: child, output: () => text, waitForOutput, stop };
}
