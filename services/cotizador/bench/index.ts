/**
 * Quotes created per second over HTTP on the embedded SQLite database (50
 * concurrent clients), against the hello-world rate of the same server in the same
 * run, and the peak RSS of the serving process.
 *
 * The server runs as its container does, an esbuild bundle on plain node in a
 * child process, so the figure is the service's own and not tsx's or this
 * runner's. autocannon runs in another child so the client does not share the
 * server's event loop. The two rates are measured in alternating rounds and the
 * round with the median ratio is reported, with every round's ratio beside it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAccessTokenSigner } from '@arka/kernel';
import { build } from 'esbuild';
import { z } from 'zod';
import { load as loadWith, type LoadRequest, type LoadResult } from '../../../bench/autocannon';
import type { BenchRow } from '../../../bench/types';
import { DEFAULT_CATALOG_FILE } from '../src/config';

const SUITE = 'cotizador';
const CONNECTIONS = 50;
const load = (url: string, seconds: number, request: LoadRequest = {}) =>
  loadWith(url, { connections: CONNECTIONS, seconds, ...request });
/** Three alternating rounds of each rate, 4 s apiece: as long in all as one 10 s run of each. */
const ROUNDS = 3;
const ROUND_SECONDS = 4;
const WARMUP_SECONDS = 2;
const RATIO_GOAL = 0.2;
const RSS_GOAL_MB = 150;
const SECRET = 'cotizador-benchmark-secret-0123456789abcdef';
/**
 * The node flags the service runs with (README, "Running", and the platform): a 4 MB
 * semi-space caps the young generation, which at full load otherwise grows by ~20 MB
 * more than the 150 MB budget allows; a 30 % heap growth has the old generation
 * collected before the garbage promoted under load piles up (it reached 120 MB in
 * some runs without it).
 */
const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
const JWT = { secret: SECRET, issuer: 'arka-gateway', audience: 'arka-api' };
// Inside the package, so the bundle's imports of node_modules resolve; git and eslint ignore dist/.
const BUNDLE = join(import.meta.dirname, '..', 'dist', 'bench', 'server.mjs');

/** Bundles the @arka workspaces; every other package stays a node_modules import. */
async function bundleServer(): Promise<void> {
  await build({
    entryPoints: {
      server: join(import.meta.dirname, 'server.ts'),
      // Found beside the bundle by the service (src/outbox-relay-worker.ts).
      'outbox-relay-thread': join(import.meta.dirname, '..', 'src', 'outbox-relay-thread.ts'),
    },
    outdir: dirname(BUNDLE),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-node-modules',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@arka/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}

function nextMessage<T>(child: ChildProcess, schema: z.ZodType<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const parsed = schema.safeParse(message);
      if (!parsed.success) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(parsed.data);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`bench server exited (${code}) before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; address: string }> {
  const child = fork(BUNDLE, [], {
    execArgv: SERVICE_NODE_FLAGS,
    env: {
      PATH: process.env['PATH'],
      ARKA_DATA_DIR: dataDir,
      CATALOG_FILE: DEFAULT_CATALOG_FILE,
      LOG_LEVEL: 'warn',
      JWT_SECRET: SECRET,
      NODE_ENV: 'production',
      // As the platform runs it (README, "Running"): one malloc arena, not one per thread
      // (the relay's, the thread pool's): about 6 MB less at the peak.
      MALLOC_ARENA_MAX: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { address } = await nextMessage(child, z.object({ address: z.string() }));
  return { child, address };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotizador-bench-'));
  await bundleServer();
  const { child, address } = await startServer(dataDir);
  try {
    const token = await createAccessTokenSigner(JWT).sign({ subject: 'bench-ventas', roles: ['VENTAS'] });
    const quote = {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clienteId: 'CLI001',
        observaciones: 'benchmark',
        productos: [
          { productoId: 1, cantidad: 5 },
          { productoId: 12, cantidad: 2 },
          { productoId: 27, cantidad: 30 },
        ],
      }),
    };
    const helloUrl = `${address}/bench/hello`;
    const quoteUrl = `${address}/api/v1/cotizador/cotizaciones`;

    await load(helloUrl, WARMUP_SECONDS);
    await load(quoteUrl, WARMUP_SECONDS, quote);
    // Rounds alternate so a burst of outside load hits both rates alike; the median round is reported.
    const rounds: { hello: LoadResult; quotes: LoadResult }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const hello = await load(helloUrl, ROUND_SECONDS);
      const quotes = await load(quoteUrl, ROUND_SECONDS, quote);
      rounds.push({ hello, quotes });
    }
    const ratioOf = (r: (typeof rounds)[number]) => r.quotes.requests.average / r.hello.requests.average;
    const median = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b))[Math.floor(ROUNDS / 2)];
    if (median === undefined) throw new Error('no benchmark round ran');
    const { hello, quotes } = median;
    child.send('rss');
    const { maxRssKiB } = await nextMessage(child, z.object({ maxRssKiB: z.number() }));
    const peakRssMb = maxRssKiB / 1024;

    const ratio = ratioOf(median);
    const spread = rounds.map((r) => `${(ratioOf(r) * 100).toFixed(1)} %`).join(', ');
    return [
      {
        suite: SUITE,
        name: `quotes created over HTTP, SQLite (${CONNECTIONS} clients; median round of ${spread})`,
        value: quotes.requests.average,
        unit: 'req/s',
        baseline: { name: 'hello world, same server', value: hello.requests.average },
        goal: `≥ ${RATIO_GOAL * 100} % of baseline`,
        met: ratio >= RATIO_GOAL,
      },
      {
        suite: SUITE,
        name: 'hello world, same server (baseline)',
        value: hello.requests.average,
        unit: 'req/s',
      },
      { suite: SUITE, name: 'quote latency p50', value: quotes.latency.p50, unit: 'ms' },
      { suite: SUITE, name: 'quote latency p99', value: quotes.latency.p99, unit: 'ms' },
      { suite: SUITE, name: 'hello latency p99', value: hello.latency.p99, unit: 'ms' },
      {
        suite: SUITE,
        name: `peak RSS of the serving process (node ${SERVICE_NODE_FLAGS.join(' ')})`,
        value: peakRssMb,
        unit: 'MB',
        goal: `< ${RSS_GOAL_MB} MB`,
        met: peakRssMb < RSS_GOAL_MB,
      },
    ];
  } finally {
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
