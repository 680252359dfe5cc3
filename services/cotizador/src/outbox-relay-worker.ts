/**
 * The outbox relay in a worker thread of its own. better-sqlite3 and the embedded
 * broker do their work synchronously, so a relay on the request thread stops
 * serving while it reads the outbox and writes the broker: in the cotizador
 * benchmark, about 30 µs of a quote's 120. On its own thread (its own connections,
 * woken by a message after each commit) it runs beside the requests.
 *
 * The thread reads the outbox over its own connection and has this thread delete
 * the rows it relayed (outbox-relay-thread.ts says why).
 *
 * A thread that dies is reported and started again after 1 s (doubling to 30 s
 * while it fails to start); the messages it had not relayed wait in the outbox.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@arka/kernel';
import type { MessagingConfig } from '@arka/messaging';
import type { SqlTarget } from '@arka/sql';
import type { RunningRelay } from './outbox-relay';

export interface RelayThreadData {
  readonly target: SqlTarget;
  readonly messaging: MessagingConfig;
  readonly logLevel: string;
  /** Whether the thread puts itself under SCHED_IDLE (OUTBOX_RELAY_IDLE_PRIORITY). */
  readonly idlePriority?: boolean;
}
/** The parent's answer to a "delete": done, or why not. */
export interface RelayThreadDeleted {
  readonly kind: 'deleted';
  readonly ticket: number;
  readonly error?: string;
}
/** The thread asks the parent to delete rows it relayed (the parent is the file's only writer). */
export interface RelayThreadDelete {
  readonly kind: 'delete';
  readonly ticket: number;
  readonly ids: readonly string[];
}
export type RelayThreadCommand = 'wake' | 'stop' | RelayThreadDeleted;
export type RelayThreadEvent = 'ready' | 'stopped' | RelayThreadDelete;

/** What the thread needs of the parent: a log, and the deletion of the rows it relayed. */
export interface RelayThreadParent {
  readonly logger: Logger;
  readonly deleteSent: (ids: readonly string[]) => Promise<void>;
}

const RESTART_FIRST_MS = 1_000;
const RESTART_MAX_MS = 30_000;
/**
 * A thread that dies sooner than this after it started counts as the same failure
 * going on, so the wait before the next start keeps doubling; one that relayed
 * longer starts the count again at the first wait.
 */
const HEALTHY_RUN_MS = RESTART_MAX_MS;
const STOP_TIMEOUT_MS = 15_000;
/** The thread's young generation, as the service's --max-semi-space-size=4 bounds the main one. */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12 };

/** The relay thread's script beside this module: a bundle beside the service's bundle, or the TypeScript source. */
function threadScript(): { url: URL; loader?: { tsx: string; entry: string } } | undefined {
  const here = import.meta.url;
  const extension = here.slice(here.lastIndexOf('.'));
  const entry = new URL(`./outbox-relay-thread${extension}`, here);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  if (extension !== '.ts') return { url: entry };
  // From the sources (tests, tsx): Node 20 worker threads ignore --import, so the thread registers tsx itself.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = [
    "import { workerData } from 'node:worker_threads';",
    'const { register } = await import(workerData.loader.tsx);',
    'register();',
    'await import(workerData.loader.entry);',
  ].join('\n');
  return {
    url: new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`),
    loader: { tsx, entry: entry.href },
  };
}

/** True when a thread can run the relay: a bundle that left the thread's script out cannot. */
export function relayThreadAvailable(): boolean {
  return threadScript() !== undefined;
}

/** Starts the thread running outbox-relay-thread.ts. */
function relayWorker(data: RelayThreadData): Worker {
  const script = threadScript();
  if (script === undefined) throw new Error('the outbox relay thread script is missing');
  return new Worker(script.url, {
    workerData: { ...data, ...(script.loader ? { loader: script.loader } : {}) },
    resourceLimits: RESOURCE_LIMITS,
  });
}

class RelayThread implements RunningRelay {
  private worker: Worker | undefined;
  private stopping = false;
  private failures = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly data: RelayThreadData,
    private readonly parent: RelayThreadParent,
    private readonly createWorker: (data: RelayThreadData) => Worker,
  ) {}

  /** Resolves once the thread relays; rejects if it cannot start (a bad configuration, say). */
  async start(): Promise<void> {
    this.worker = await this.spawn();
    this.startedAt = Date.now();
  }

  wake(): void {
    this.worker?.postMessage('wake' satisfies RelayThreadCommand);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop' satisfies RelayThreadCommand);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
    });
    const late = await Promise.race([exited.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) {
      this.parent.logger.warn(
        { timeoutMs: STOP_TIMEOUT_MS },
        'outbox relay thread did not stop in time; terminated',
      );
      await worker.terminate();
    }
  }

  private spawn(): Promise<Worker> {
    let worker: Worker;
    try {
      worker = this.createWorker(this.data);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<Worker>((resolve, reject) => {
      const settle = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (event: RelayThreadEvent) => {
        if (event !== 'ready') return;
        settle();
        worker.on('message', (request: RelayThreadEvent) => {
          if (typeof request === 'object') this.deleteFor(worker, request);
        });
        worker.on('error', (error) => this.parent.logger.error({ err: error }, 'outbox relay thread failed'));
        worker.once('exit', (code) => this.exited(worker, code));
        resolve(worker);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = (code: number) => {
        settle();
        reject(new Error(`the outbox relay thread exited (${code}) before it relayed`));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  }

  private deleteFor(worker: Worker, { ticket, ids }: RelayThreadDelete): void {
    const answer = (error?: unknown) =>
      worker.postMessage({
        kind: 'deleted',
        ticket,
        ...(error === undefined ? {} : { error: error instanceof Error ? error.message : String(error) }),
      } satisfies RelayThreadDeleted);
    this.parent.deleteSent(ids).then(
      () => answer(),
      (error: unknown) => answer(error),
    );
  }

  private exited(worker: Worker, code: number): void {
    if (this.stopping || worker !== this.worker) return;
    this.worker = undefined;
    if (Date.now() - this.startedAt >= HEALTHY_RUN_MS) this.failures = 0;
    this.scheduleRestart({ exitCode: code });
  }

  private scheduleRestart(details: object): void {
    const retryInMs = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** this.failures++);
    this.parent.logger.error({ ...details, retryInMs }, 'outbox relay thread stopped; starting it again');
    this.restartTimer = setTimeout(() => {
      this.spawn().then(
        (worker) => {
          if (this.stopping) {
            void worker.terminate();
            return;
          }
          this.worker = worker;
          this.startedAt = Date.now();
        },
        (error: unknown) => {
          if (!this.stopping) this.scheduleRestart({ err: error });
        },
      );
    }, retryInMs);
  }
}

/**
 * Starts the relay's thread; resolves once it relays. `createWorker` stands in for
 * the thread in tests of the supervision.
 */
export async function startOutboxRelayThread(
  data: RelayThreadData,
  parent: RelayThreadParent,
  createWorker: (data: RelayThreadData) => Worker = relayWorker,
): Promise<RunningRelay> {
  const thread = new RelayThread(data, parent, createWorker);
  await thread.start();
  return thread;
}
