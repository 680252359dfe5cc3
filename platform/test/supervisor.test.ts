import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChildSpec, SupervisorEvent } from '../src/supervisor/child-spec';
import { Supervisor, type SupervisorOptions } from '../src/supervisor/supervisor';
import { freePort, isAlive } from './helpers/ports';

const fixtures = join(import.meta.dirname, 'fixtures');
/** SCHED_IDLE where the supervisor can ask for it: Linux with util-linux's chrt. */
const chrtAvailable = process.platform === 'linux' && spawnSync('chrt', ['--version']).status === 0;
const SCHED_IDLE = 5;
const schedulingPolicy = (pid: number): number =>
  Number(/^policy\s*:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/sched`, 'utf8'))?.[1] ?? -1);
const running: Supervisor[] = [];
const dirs: string[] = [];

async function httpChild(
  name: string,
  env: Record<string, string> = {},
  after?: string[],
): Promise<ChildSpec> {
  const port = await freePort();
  return {
    name,
    command: process.execPath,
    args: [join(fixtures, 'http-child.mjs')],
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    cwd: fixtures,
    readiness: { kind: 'http', url: `http://127.0.0.1:${port}/actuator/health` },
    after,
  };
}

const ipcChild = (name: string, after?: string[]): ChildSpec => ({
  name,
  command: process.execPath,
  args: [join(fixtures, 'ipc-child.mjs')],
  env: { PATH: process.env.PATH ?? '' },
  cwd: fixtures,
  readiness: { kind: 'message' },
  after,
});

function supervise(specs: ChildSpec[], options: Partial<SupervisorOptions> = {}) {
  const events: SupervisorEvent[] = [];
  const logDir = mkdtempSync(join(tmpdir(), 'arka-supervisor-'));
  dirs.push(logDir);
  const supervisor = new Supervisor(specs, {
    logDir,
    onEvent: (e) => events.push(e),
    stopGraceMs: 2_000,
    timings: { backoffMs: () => 20, probeIntervalMs: 50 },
    ...options,
  });
  running.push(supervisor);
  return { supervisor, events, logDir };
}

/** Resolves at the first event that matches; the test's own timeout bounds the wait. */
function nextEvent(
  events: SupervisorEvent[],
  match: (e: SupervisorEvent) => boolean,
): Promise<SupervisorEvent> {
  return new Promise((resolve) => {
    const check = () => {
      const found = events.find(match);
      if (found) resolve(found);
      else setTimeout(check, 20);
    };
    check();
  });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('supervisor', () => {
  it('starts each child after the ones it depends on are ready, and reports progress', async () => {
    // Prepare
    const store = await httpChild('store');
    const service = await httpChild('service', {}, ['store']);
    const worker: ChildSpec = {
      ...ipcChild('worker', ['store']),
      niceness: 7,
      idleScheduling: true,
      parts: ['mailer', 'billing'],
    };
    const { supervisor, events } = supervise([store, service, worker]);

    // Act
    await supervisor.start();

    // Assess
    expect(supervisor.status().map((s) => [s.name, s.parts, s.desired, s.running, s.pending])).toEqual([
      ['store', ['store'], 1, 1, 0],
      ['service', ['service'], 1, 1, 0],
      ['worker', ['mailer', 'billing'], 1, 1, 0],
    ]);
    const order = events.flatMap((e) => (e.kind === 'ready' ? [e.name] : []));
    expect(order[0]).toBe('store');
    expect(events[0]).toEqual({
      kind: 'starting',
      pending: ['store', 'service', 'worker'],
      ready: 0,
      total: 3,
    });
    expect(events.at(-1)).toEqual({ kind: 'starting', pending: [], ready: 3, total: 3 });
    const workerPid = supervisor.status()[2]?.pid ?? 0;
    expect(getPriority(workerPid)).toBe(7);
    if (chrtAvailable) await vi.waitFor(() => expect(schedulingPolicy(workerPid)).toBe(SCHED_IDLE));
  });

  it('restarts a child that was killed, reports it, and serves again from a new PID', async () => {
    // Prepare
    const { supervisor, events } = supervise([await httpChild('cotizador')]);
    await supervisor.start();
    const firstPid = supervisor.status()[0]?.pid;
    if (firstPid === undefined) throw new Error('no pid');

    // Act
    process.kill(firstPid, 'SIGKILL');
    await nextEvent(events, (e) => e.kind === 'ready' && e.restarted);

    // Assess
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'crashed', name: 'cotizador', exit: 'signal SIGKILL', restarts: 1 }),
    );
    const [status] = supervisor.status();
    expect(status?.running).toBe(1);
    expect(status?.restarts).toBe(1);
    expect(status?.pid).not.toBe(firstPid);
  });

  it('restarts a child that crashes while starting, with its log lines in the report', async () => {
    // Prepare
    const markerDir = mkdtempSync(join(tmpdir(), 'arka-crash-'));
    dirs.push(markerDir);
    const marker = join(markerDir, 'crashed');
    const { supervisor, events } = supervise([await httpChild('flaky', { CRASH_FIRST_RUN_FILE: marker })]);

    // Act
    await supervisor.start();

    // Assess
    const crash = events.find((e) => e.kind === 'crashed');
    expect(crash).toMatchObject({ name: 'flaky', exit: 'exit code 1' });
    expect(crash?.kind === 'crashed' && crash.logTail).toContain('fixture: crashing on the first run');
  });

  it('gives up on a child that never starts, naming it and why', async () => {
    // Prepare
    const { supervisor, events } = supervise([await httpChild('broken', { EXIT_AT_ONCE: '3' })], {
      timings: { backoffMs: () => 10, probeIntervalMs: 50, maxCrashesBeforeReady: 2 },
    });

    // Act
    const started = supervisor.start();

    // Assess
    await expect(started).rejects.toThrow('broken: exit code 3, 2 times before it was ever ready');
    const gaveUp = events.find((e) => e.kind === 'gave-up');
    expect(gaveUp?.kind === 'gave-up' && gaveUp.logTail).toContain('refusing to start');
    expect(supervisor.status()[0]).toMatchObject({ desired: 0, running: 0 });
  });

  it('kills a child that is not ready in time and counts it as a failed start', async () => {
    // Prepare
    const { supervisor } = supervise([await httpChild('sick', { HEALTH_STATUS: '503' })], {
      timings: { backoffMs: () => 10, probeIntervalMs: 50, readyTimeoutMs: 300, maxCrashesBeforeReady: 1 },
    });

    // Act
    const started = supervisor.start();

    // Assess
    await expect(started).rejects.toThrow('sick: not ready after 0 s (signal SIGKILL)');
  });

  it('stops every child with SIGTERM and kills the one that ignores it after the grace period', async () => {
    // Prepare
    const { supervisor, events } = supervise(
      [await httpChild('polite'), await httpChild('stubborn', { IGNORE_SIGTERM: '1' }), ipcChild('worker')],
      { stopGraceMs: 300 },
    );
    await supervisor.start();
    const pids = supervisor.status().map((s) => s.pid ?? -1);

    // Act
    await supervisor.stop();

    // Assess
    expect(events.at(-1)).toEqual({ kind: 'stopped', killed: ['stubborn'] });
    expect(pids.filter((pid) => pid > 0)).toHaveLength(3);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(supervisor.status().every((s) => s.desired === 0 && s.running === 0)).toBe(true);
  });

  it('fails if a child starts after one that is not listed before it', async () => {
    // Prepare
    const late = await httpChild('gateway', {}, ['cotizador']);

    // Act
    const build = () => supervise([late, ipcChild('cotizador')]);

    // Assess
    expect(build).toThrow('gateway starts after cotizador, which must be listed before it');
  });
});
