import { mkdirSync } from 'node:fs';
import { restartDelayMs } from './backoff';
import type { ChildSpec, ChildStatus, SupervisorEvent } from './child-spec';
import { SupervisedChild, type ChildTimings } from './supervised-child';

export interface SupervisorOptions {
  /** Where each child's stdout and stderr go, one `<name>.log` per child. */
  readonly logDir: string;
  readonly onEvent: (event: SupervisorEvent) => void;
  /** How long a child has to exit after SIGTERM before it gets SIGKILL. @default 10 s */
  readonly stopGraceMs?: number;
  /** @default restarts after 0.5 s doubling to 10 s, 90 s to be ready, probes every 200 ms */
  readonly timings?: Partial<ChildTimings>;
}

const DEFAULT_TIMINGS: ChildTimings = {
  backoffMs: (n) => restartDelayMs(n),
  readyTimeoutMs: 90_000,
  probeIntervalMs: 200,
  maxCrashesBeforeReady: 3,
  stableAfterMs: 30_000,
};

/**
 * Runs a set of children as one process tree: each starts once the children it
 * depends on are ready, a crashed one is restarted, and `stop` ends them all.
 */
export class Supervisor {
  private readonly children: SupervisedChild[];
  private readonly launched = new Set<string>();
  private stopping: Promise<void> | undefined;

  constructor(
    specs: readonly ChildSpec[],
    private readonly options: SupervisorOptions,
  ) {
    checkDependencies(specs);
    mkdirSync(options.logDir, { recursive: true });
    const timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.children = specs.map(
      (spec) => new SupervisedChild(spec, options.logDir, timings, (e) => this.relay(e)),
    );
  }

  /** Starts everything; resolves when every child is ready, rejects when one is given up. */
  async start(): Promise<void> {
    this.launchEligible();
    this.reportProgress();
    await Promise.all(this.children.map((c) => c.ready));
  }

  status(): ChildStatus[] {
    return this.children.map((c) => c.status());
  }

  logFileOf(name: string): string | undefined {
    return this.children.find((c) => c.name === name)?.logFile;
  }

  /** Stops dependents first, then what they depend on. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    this.options.onEvent({ kind: 'stopping' });
    const grace = this.options.stopGraceMs ?? 10_000;
    const killed: string[] = [];
    const stopGroup = async (group: SupervisedChild[]) => {
      const results = await Promise.all(group.map((c) => c.stop(grace)));
      group.forEach((c, i) => results[i] === true && killed.push(c.name));
    };
    await stopGroup(this.children.filter((c) => (c.spec.after ?? []).length > 0));
    await stopGroup(this.children.filter((c) => (c.spec.after ?? []).length === 0));
    this.options.onEvent({ kind: 'stopped', killed });
  }

  private relay(event: SupervisorEvent): void {
    if (this.stopping !== undefined) return;
    this.options.onEvent(event);
    if (event.kind === 'ready') {
      this.launchEligible();
      this.reportProgress();
    }
  }

  private launchEligible(): void {
    if (this.stopping !== undefined) return;
    const ready = new Set(this.children.filter((c) => c.isReady()).map((c) => c.name));
    for (const child of this.children) {
      if (this.launched.has(child.name)) continue;
      if ((child.spec.after ?? []).every((name) => ready.has(name))) {
        this.launched.add(child.name);
        child.start();
      }
    }
  }

  private reportProgress(): void {
    const pending = this.children.filter((c) => !c.isReady()).map((c) => c.name);
    this.options.onEvent({
      kind: 'starting',
      pending,
      ready: this.children.length - pending.length,
      total: this.children.length,
    });
  }
}

/** Each `after` must name a child listed earlier, which also rules out cycles. */
function checkDependencies(specs: readonly ChildSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name)) throw new Error(`two children are named ${spec.name}`);
    for (const dependency of spec.after ?? []) {
      if (!seen.has(dependency)) {
        throw new Error(`${spec.name} starts after ${dependency}, which must be listed before it`);
      }
    }
    seen.add(spec.name);
  }
}
