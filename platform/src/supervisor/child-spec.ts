/** How the supervisor knows a child is ready to serve. */
export type Readiness =
  /** Ready when GET `url` answers; `anyStatus` accepts any HTTP answer (servers without a health route). */
  | { readonly kind: 'http'; readonly url: string; readonly anyStatus?: boolean }
  /** Ready when the child sends `{ type: 'ready' }` over the IPC channel. */
  | { readonly kind: 'message' }
  /** A worker with nothing to probe: ready once the process has spawned. */
  | { readonly kind: 'spawned' };

/** One process of the platform, as the supervisor runs it. */
export interface ChildSpec {
  readonly name: string;
  /**
   * The roles this one process plays when it hosts several (the workers process runs
   * the dispatcher and the notifications function): each is reported as a service of
   * its own to the metrics, sharing the process's state. @default [name]
   */
  readonly parts?: readonly string[];
  /** The executable (usually `process.execPath`) and its arguments. */
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly readiness: Readiness;
  /** Children that must be ready before this one starts. @default none */
  readonly after?: readonly string[];
  /**
   * Scheduling niceness (0 to 19) set once the child is spawned: background workers
   * yield the CPU to the request path when the machine is busy. @default 0
   */
  readonly niceness?: number;
  /**
   * On Linux, also the SCHED_IDLE policy (util-linux `chrt`, where installed): the child
   * runs on CPU time the other processes leave, and one of them waking takes the CPU
   * at once. Niceness alone still let the background fill the request path's short
   * gaps. @default false
   */
  readonly idleScheduling?: boolean;
}

/** What the supervisor tells its reporter (the console, a test). */
export type SupervisorEvent =
  | {
      readonly kind: 'starting';
      readonly pending: readonly string[];
      readonly ready: number;
      readonly total: number;
    }
  | { readonly kind: 'ready'; readonly name: string; readonly restarted: boolean }
  | {
      readonly kind: 'crashed';
      readonly name: string;
      readonly exit: string;
      readonly restartInMs: number;
      readonly restarts: number;
      readonly logTail: string;
    }
  | { readonly kind: 'gave-up'; readonly name: string; readonly reason: string; readonly logTail: string }
  | { readonly kind: 'stopping' }
  | { readonly kind: 'stopped'; readonly killed: readonly string[] };

/** The supervisor's view of one child, for the metrics source and tests. */
export interface ChildStatus {
  readonly name: string;
  /** The roles the process plays (see ChildSpec.parts); `[name]` for a single-role child. */
  readonly parts: readonly string[];
  readonly pid: number | undefined;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly restarts: number;
}
