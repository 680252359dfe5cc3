/**
 * Quotes created per second over HTTP on the embedded SQLite database (50
 * concurrent clients), against the hello-world rate of the same server in the same
 * run, and the peak RSS of the process serving both. autocannon runs as a child
 * process so the client does not share the server's event loop.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAccessTokenSigner, parseConfig } from '@arka/kernel';
import { z } from 'zod';
import type { BenchRow } from '../../../bench/types';
import { configSchema } from '../src/config';
import { prepareCotizador } from '../src/runtime';

const SUITE = 'cotizador';
const CONNECTIONS = 50;
const DURATION_SECONDS = 10;
const WARMUP_SECONDS = 2;
const RATIO_GOAL = 0.2;
const RSS_GOAL_MB = 150;
const SECRET = 'cotizador-benchmark-secret-0123456789abcdef';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const resultSchema = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
});
type LoadResult = z.infer<typeof resultSchema>;

async function load(
  url: string,
  seconds: number,
  request: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<LoadResult> {
  const args = [autocannonCli, '--json', '-c', String(CONNECTIONS), '-d', String(seconds)];
  if (request.method) args.push('-m', request.method);
  for (const [name, value] of Object.entries(request.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (request.body) args.push('-b', request.body);
  const { stdout } = await promisify(execFile)(process.execPath, [...args, url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = resultSchema.parse(JSON.parse(stdout));
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return result;
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotizador-bench-'));
  const config = parseConfig(configSchema, {
    ARKA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JWT_SECRET: SECRET,
    PORT: '0',
  });
  const cotizador = await prepareCotizador(config);
  try {
    // The baseline: the same app, plugins and hooks, doing nothing but answering.
    cotizador.app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
    const address = await cotizador.app.listen({ host: '127.0.0.1', port: 0 });
    const token = await createAccessTokenSigner({
      secret: SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }).sign({ subject: 'bench-ventas', roles: ['VENTAS'] }, new Date());
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
    const hello = await load(helloUrl, DURATION_SECONDS);
    await load(quoteUrl, WARMUP_SECONDS, quote);
    const quotes = await load(quoteUrl, DURATION_SECONDS, quote);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const ratio = quotes.requests.average / hello.requests.average;
    const baseline = { name: 'hello world, same server', value: hello.requests.average };
    return [
      {
        suite: SUITE,
        name: `quotes created over HTTP, SQLite (${CONNECTIONS} clients)`,
        value: quotes.requests.average,
        unit: 'req/s',
        baseline,
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
        name: 'peak RSS of the serving process',
        value: peakRssMb,
        unit: 'MB',
        goal: `< ${RSS_GOAL_MB} MB`,
        met: peakRssMb < RSS_GOAL_MB,
      },
    ];
  } finally {
    await cotizador.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
