import { join } from 'node:path';
import type { PlatformConfig } from './config';
import type { Endpoints } from './endpoints';
import type { ChildSpec } from './supervisor/child-spec';
import { REPO_ROOT } from './runtime/repo';

/** The TypeScript entry of each Node child, relative to the repository root. */
export const ENTRIES = {
  cotizador: 'services/cotizador/src/main.ts',
  'gestor-solicitudes': 'services/gestor-solicitudes/src/main.ts',
  background: 'platform/src/workers/background-main.ts',
  gateway: 'services/gateway/src/main.ts',
} as const;

export type EntryName = keyof typeof ENTRIES;

/**
 * Worker-thread scripts bundled beside the children that start them: a service
 * looks for each one next to its own bundle (the cotizador's outbox relay).
 */
export const THREAD_ENTRIES = {
  'outbox-relay-thread': 'services/cotizador/src/outbox-relay-thread.ts',
} as const;

/**
 * The cotizador (and, but for its semi-space, the gateway): a 4 MB semi-space caps V8's young generation,
 * whose semi-spaces otherwise grow to 16 MB under load (the cotizador's README measures
 * it), and the old generation may grow to 1.3 times what survived the last full
 * collection instead of up to 4 times, so the garbage promoted under load is collected
 * before it piles up: under the platform benchmark the gateway peaked at 155–190 MB
 * without it and 94–113 MB with it, for about 5 % of the quotes per second.
 */
const QUOTE_PATH_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=30'];

/**
 * The gateway handles every request and keeps little: an 8 MB semi-space halves its
 * scavenges against 4 MB (GC was 10–14 % of its CPU under the platform benchmark), for
 * about 8 % more quotes per second and a peak of about 105 MB instead of 95.
 */
const GATEWAY_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=30'];

/**
 * The gestor serves purchasing staff, not the quote traffic: a 2 MB semi-space keeps the
 * garbage of its start (migrations, the demo suppliers) from holding 8 MB of young
 * generation for as long as it idles, and optimize-for-size trades its speed for about
 * 6 MB (peak 82 → 76 MB under the platform benchmark).
 */
const GESTOR_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=30', '--optimize-for-size'];

/**
 * The background process (queued work and the stand-ins, at a lower priority) trades
 * speed for memory: the smallest young generation and V8's optimize-for-size mode.
 */
const BACKGROUND_FLAGS = ['--max-semi-space-size=1', '--optimize-for-size'];

/**
 * Every child collects its garbage on its own thread. The platform's processes share
 * the machine's cores, and a parallel scavenge wakes V8's helper threads only to have
 * them compete with the request path: in the background process, with its 1 MB
 * semi-space, they used more CPU than its main thread's own scavenges. About 4 % more
 * quotes per second in the platform benchmark, on 2 cores.
 */
const EVERY_CHILD_FLAGS = ['--single-threaded-gc'];

/** The V8 flags of each Node child. */
export const NODE_FLAGS: Readonly<Record<EntryName, readonly string[]>> = {
  cotizador: [...QUOTE_PATH_FLAGS, ...EVERY_CHILD_FLAGS],
  'gestor-solicitudes': [...GESTOR_FLAGS, ...EVERY_CHILD_FLAGS],
  background: [...BACKGROUND_FLAGS, ...EVERY_CHILD_FLAGS],
  gateway: [...GATEWAY_FLAGS, ...EVERY_CHILD_FLAGS],
};

/** How to run one entry: `node <bundle>` or `node --import tsx <source>`. */
export type EntryCommand = (name: EntryName) => readonly string[];

/**
 * Variables a child inherits from the supervisor's environment. Nothing else is
 * passed on, so a MYSQL_URL or JWT_SECRET exported in the shell (CI exports
 * MYSQL_URL) cannot pull the embedded platform onto another store.
 */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SystemRoot'];

const LOCAL_REGION = 'us-east-1';

function baseEnv(config: PlatformConfig, inherited: Readonly<Record<string, string | undefined>>) {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = inherited[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    LOG_LEVEL: config.logLevel,
    ARKA_DATA_DIR: config.dataDir,
    MESSAGING_DRIVER: 'embedded',
    // One malloc arena per process: the thread pool (argon2 hashing at start) otherwise
    // leaves per-thread arenas behind, about 60 MB of resident memory in the gateway.
    MALLOC_ARENA_MAX: '1',
    // A fixed mmap threshold: blocks over 128 KB (argon2's 19 MB, V8's parser and
    // compiler zones at start) are mapped apart and returned when freed. glibc would
    // otherwise raise the threshold after the first such block and keep the next ones
    // in the heap for good: about 20 MB per process.
    MALLOC_MMAP_THRESHOLD_: '131072',
  };
}

/** Background work (queues, the stand-ins for AWS) yields the CPU to requests when the machine is busy. */
const BACKGROUND = 10;

const health = (url: string) => ({ kind: 'http', url: `${url}/actuator/health` }) as const;

/**
 * Every process of the local platform, in start order: the API servers standing in
 * for AWS, the services, the workers, and the gateway once its upstreams are ready.
 */
export function platformChildren(
  config: PlatformConfig,
  endpoints: Endpoints,
  demoPassword: string,
  command: EntryCommand,
  inherited: Readonly<Record<string, string | undefined>>,
  consoleDir?: string,
): ChildSpec[] {
  const base = baseEnv(config, inherited);
  const node = (
    name: EntryName,
    env: Record<string, string>,
    rest: Omit<ChildSpec, 'name' | 'command' | 'args' | 'env' | 'cwd'>,
  ): ChildSpec => {
    const [executable = process.execPath, ...args] = command(name);
    return { name, command: executable, args, env: { ...base, ...env }, cwd: REPO_ROOT, ...rest };
  };
  const awsLocal = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  return [
    node(
      'cotizador',
      {
        PORT: String(config.ports.cotizador),
        // The service finds its catalog beside its sources, which a bundle is not.
        CATALOG_FILE: join(REPO_ROOT, 'services', 'cotizador', 'data', 'catalog.csv'),
        // Relaying is background work too: it runs on the CPU time the requests leave.
        OUTBOX_RELAY_IDLE_PRIORITY: 'true',
      },
      { readiness: health(endpoints.cotizador) },
    ),
    node(
      'gestor-solicitudes',
      { PORT: String(config.ports.gestor) },
      { readiness: health(endpoints.gestor) },
    ),
    node(
      'background',
      {
        DYNALITE_PORT: String(config.ports.dynalite),
        SES_PORT: String(config.ports.ses),
        ...awsLocal,
        ENVIRONMENT: 'local',
        AUDIT_TABLE_NAME: endpoints.auditTable,
        SES_FROM_ADDRESS: 'notificaciones@arka.example',
        CRITICAL_ALERTS_TOPIC_ARN: `arn:aws:sns:${LOCAL_REGION}:000000000000:arka-critical-alerts`,
        SNS_CHANNEL: 'local',
        DYNAMODB_ENDPOINT: endpoints.dynalite,
        SES_ENDPOINT: endpoints.ses,
        POWERTOOLS_METRICS_DISABLED: 'true',
      },
      {
        parts: ['dynalite', 'ses', 'dispatcher', 'notifications'],
        // Ready once the stand-ins listen and both workers consume.
        readiness: { kind: 'message' },
        // The dispatcher works on the gestor's store, which the gestor creates.
        after: ['gestor-solicitudes'],
        niceness: BACKGROUND,
        idleScheduling: true,
      },
    ),
    node(
      'gateway',
      {
        PORT: String(config.ports.gateway),
        COTIZADOR_URL: endpoints.cotizador,
        GESTOR_SOLICITUDES_URL: endpoints.gestor,
        ARKA_DEMO_PASSWORD: demoPassword,
        ...(consoleDir === undefined ? {} : { CONSOLE_DIR: consoleDir }),
        ...(config.gatewayRateLimitMax === undefined
          ? {}
          : { RATE_LIMIT_MAX: String(config.gatewayRateLimitMax) }),
      },
      { readiness: health(endpoints.gateway), after: ['cotizador', 'gestor-solicitudes'] },
    ),
  ];
}
