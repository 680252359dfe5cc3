import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildSpec, ChildStatus, SupervisorEvent } from './child-spec';
import { closeLogFd, logTail, openLogFd } from './log-file';
import { probeHttp } from './probe';

export interface ChildTimings {
  /** Delay before restart number `n` (1-based count of consecutive crashes). */
  readonly backoffMs: (consecutiveCrashes: number) => number;
  /** A child not ready by then is killed and counts as crashed. */
  readonly readyTimeoutMs: number;
  readonly probeIntervalMs: number;
  /** A child that crashes this many times before it was ever ready is given up. */
  readonly maxCrashesBeforeReady: number;
  /** Being ready this long makes the next crash count as the first again. */
  readonly stableAfterMs: number;
}

type State = 'idle' | 'starting' | 'ready' | 'waiting' | 'stopping' | 'stopped' | 'failed';

/**
 * One child process kept alive: spawned, probed until ready, restarted with backoff
 * when it exits on its own, and stopped (SIGTERM, then SIGKILL after a grace period)
 * on request. It only ever signals the PID it spawned.
 */
export class SupervisedChild {
  private state: State = 'idle';
  private process: ChildProcess | undefined;
  private exited: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private restarts = 0;
  private consecutiveCrashes = 0;
  private everReady = false;
  private readyAt = 0;
  private failureNote: string | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private probeAbort = new AbortController();
  private firstReady: { resolve: () => void; reject: (error: Error) => void } | undefined;
  /** Resolves when the child is ready the first time; rejects if it is given up before. */
  readonly ready: Promise<void>;
  readonly logFile: string;

  constructor(
    readonly spec: ChildSpec,
    logDir: string,
    private readonly timings: ChildTimings,
    private readonly emit: (event: SupervisorEvent) => void,
  ) {
    this.logFile = join(logDir, `${spec.name}.log`);
    this.ready = new Promise<void>((resolve, reject) => {
      this.firstReady = { resolve, reject };
    });
    // The supervisor awaits `ready` only while starting; a later rejection is reported by events.
    this.ready.catch(() => undefined);
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.process?.exitCode === null && this.process.signalCode === null ? this.process.pid : undefined;
  }

  isReady(): boolean {
    return this.state === 'ready';
  }

  status(): ChildStatus {
    const alive = this.pid !== undefined;
    const stoppedOnPurpose = this.state === 'stopping' || this.state === 'stopped' || this.state === 'failed';
    return {
      name: this.name,
      parts: this.spec.parts ?? [this.name],
      pid: this.pid,
      desired: stoppedOnPurpose ? 0 : 1,
      running: this.state === 'ready' ? 1 : 0,
      pending: alive && this.state === 'starting' ? 1 : 0,
      restarts: this.restarts,
    };
  }

  start(): void {
    if (this.state !== 'idle' && this.state !== 'waiting') return;
    this.state = 'starting';
    this.failureNote = undefined;
    const generation = ++this.generation;
    const fd = openLogFd(this.logFile, `starting ${this.name}`);
    let child: ChildProcess;
    try {
      child = spawn(this.spec.command, [...this.spec.args], {
        cwd: this.spec.cwd,
        env: { ...this.spec.env },
        stdio: ['ignore', fd, fd, 'ipc'],
      });
    } finally {
      closeLogFd(fd);
    }
    this.process = child;
    this.exited = new Promise((resolve) => child.once('exit', resolve));
    child.once('error', (error) => {
      // spawn failures (ENOENT…) emit 'error' and never 'exit'.
      if (child.pid === undefined) this.onExit(generation, `could not start: ${error.message}`);
    });
    child.once('exit', (code, signal) =>
      this.onExit(generation, signal === null ? `exit code ${code}` : `signal ${signal}`),
    );
    child.on('message', (message: unknown) => {
      if (this.spec.readiness.kind === 'message' && isReadyMessage(message)) this.markReady(generation);
    });
    child.once('spawn', () => {
      if (this.spec.niceness !== undefined && child.pid !== undefined)
        lowerPriority(child.pid, this.spec.niceness);
      if (this.spec.idleScheduling === true && child.pid !== undefined) scheduleIdle(child.pid);
      if (this.spec.readiness.kind === 'spawned') this.markReady(generation);
    });
    void this.watchReadiness(generation);
  }

  /** Stops the child for good. Resolves true when it had to be killed with SIGKILL. */
  async stop(graceMs: number): Promise<boolean> {
    const previous = this.state;
    this.state = 'stopping';
    clearTimeout(this.restartTimer);
    this.probeAbort.abort();
    const child = this.process;
    if (
      child === undefined ||
      child.exitCode !== null ||
      child.signalCode !== null ||
      previous === 'failed'
    ) {
      this.state = 'stopped';
      return false;
    }
    child.kill('SIGTERM');
    const grace = new AbortController();
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      sleep(graceMs, true, { signal: grace.signal }).catch(() => false),
    ]);
    grace.abort();
    if (timedOut) {
      child.kill('SIGKILL');
      await this.exited;
    }
    this.state = 'stopped';
    return timedOut;
  }

  private async watchReadiness(generation: number): Promise<void> {
    this.probeAbort = new AbortController();
    const { signal } = this.probeAbort;
    const deadline = Date.now() + this.timings.readyTimeoutMs;
    const readiness = this.spec.readiness;
    while (this.generation === generation && this.state === 'starting' && !signal.aborted) {
      if (Date.now() > deadline) {
        this.failureNote = `not ready after ${Math.round(this.timings.readyTimeoutMs / 1000)} s`;
        this.process?.kill('SIGKILL');
        return;
      }
      if (readiness.kind === 'http' && (await probeHttp(readiness, this.timings.probeIntervalMs * 4))) {
        this.markReady(generation);
        return;
      }
      await sleep(this.timings.probeIntervalMs, undefined, { signal }).catch(() => undefined);
    }
  }

  private markReady(generation: number): void {
    if (this.generation !== generation || this.state !== 'starting') return;
    this.state = 'ready';
    this.readyAt = Date.now();
    this.emit({ kind: 'ready', name: this.name, restarted: this.everReady });
    this.everReady = true;
    this.firstReady?.resolve();
  }

  private onExit(generation: number, how: string): void {
    if (this.generation !== generation || this.state === 'stopping' || this.state === 'stopped') return;
    this.probeAbort.abort();
    const wasStable = this.state === 'ready' && Date.now() - this.readyAt >= this.timings.stableAfterMs;
    this.consecutiveCrashes = wasStable ? 1 : this.consecutiveCrashes + 1;
    const exit = this.failureNote === undefined ? how : `${this.failureNote} (${how})`;
    const tail = logTail(this.logFile);
    if (!this.everReady && this.consecutiveCrashes >= this.timings.maxCrashesBeforeReady) {
      this.state = 'failed';
      const reason = `${exit}, ${this.consecutiveCrashes} times before it was ever ready`;
      this.emit({ kind: 'gave-up', name: this.name, reason, logTail: tail });
      this.firstReady?.reject(new Error(`${this.name}: ${reason}`));
      return;
    }
    this.state = 'waiting';
    this.restarts += 1;
    const delay = this.timings.backoffMs(this.consecutiveCrashes);
    this.emit({
      kind: 'crashed',
      name: this.name,
      exit,
      restartInMs: delay,
      restarts: this.restarts,
      logTail: tail,
    });
    this.restartTimer = setTimeout(() => this.start(), delay);
  }
}

function isReadyMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === 'ready';
}

/** SCHED_IDLE for every thread of `pid` (threads created later inherit it); Linux only. */
function scheduleIdle(pid: number): void {
  if (process.platform !== 'linux') return;
  // Only a scheduling preference: without chrt, or refused, the child keeps its niceness.
  execFile('chrt', ['--idle', '--all-tasks', '--pid', '0', String(pid)], () => undefined);
}

function lowerPriority(pid: number, niceness: number): void {
  try {
    setPriority(pid, niceness);
  } catch {
    // Only a scheduling preference: a system that refuses it runs the child at normal priority.
  }
}
