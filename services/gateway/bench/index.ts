/**
 * Quote creation through the gateway beside the same requests sent straight to the
 * cotizador, in one run. Both servers run as their containers do, esbuild bundles
 * on plain node, each in its own process (bench/processes.ts), so the gateway's
 * figure is its own and not tsx's or this runner's; autocannon runs in another
 * child so the client does not share their event loops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { load as loadWith } from '../../../bench/autocannon';
import type { BenchRow } from '../../../bench/types';
import { bundleServers, COTIZADOR_CATALOG_FILE, startServer } from './processes';

const SUITE = 'gateway';
const CONNECTIONS = 50;
const load = (url: string, seconds: number, headers: Record<string, string>, body: string) =>
  loadWith(url, {
    connections: CONNECTIONS,
    seconds,
    method: 'POST',
    headers,
    body,
    // Any refused request voids the figure; a rare lost one (under 0.5 %) on a loaded machine does not.
    toleratedLoss: 0.005,
  });
const tokenSchema = z.object({ accessToken: z.string() });
const DURATION_SECONDS = 10;
const WARMUP_SECONDS = 2;
const RATIO_GOAL = 0.6;
const SECRET = 'gateway-benchmark-secret-0123456789abcdef';
const PASSWORD = 'gateway-bench-password';

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
  const common = {
    ARKA_DATA_DIR: dataDir,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  await bundleServers();
  const cotizador = await startServer('cotizador', { ...common, CATALOG_FILE: COTIZADOR_CATALOG_FILE });
  try {
    const gateway = await startServer('gateway', {
      ...common,
      COTIZADOR_URL: cotizador.address,
      ARKA_DEMO_PASSWORD: PASSWORD,
      // One client sending as fast as it can is the point here, not something to throttle.
      RATE_LIMIT_MAX: '100000000',
    });
    try {
      const login = await fetch(`${gateway.address}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ventas', password: PASSWORD }),
      });
      const { accessToken } = tokenSchema.parse(await login.json());
      const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
      const body = JSON.stringify({
        clienteId: 'CLI001',
        observaciones: 'benchmark',
        productos: [
          { productoId: 1, cantidad: 5 },
          { productoId: 12, cantidad: 2 },
          { productoId: 27, cantidad: 30 },
        ],
      });
      const path = '/api/v1/cotizador/cotizaciones';

      await load(`${cotizador.address}${path}`, WARMUP_SECONDS, headers, body);
      const direct = await load(`${cotizador.address}${path}`, DURATION_SECONDS, headers, body);
      await load(`${gateway.address}${path}`, WARMUP_SECONDS, headers, body);
      const proxied = await load(`${gateway.address}${path}`, DURATION_SECONDS, headers, body);

      const ratio = proxied.requests.average / direct.requests.average;
      return [
        {
          suite: SUITE,
          name: `quotes created through the gateway (${CONNECTIONS} clients)`,
          value: proxied.requests.average,
          unit: 'req/s',
          baseline: { name: 'straight to the cotizador', value: direct.requests.average },
          goal: `≥ ${RATIO_GOAL * 100} % of baseline`,
          met: ratio >= RATIO_GOAL,
        },
        {
          suite: SUITE,
          name: 'quotes created straight to the cotizador (baseline)',
          value: direct.requests.average,
          unit: 'req/s',
        },
        { suite: SUITE, name: 'through the gateway, latency p50', value: proxied.latency.p50, unit: 'ms' },
        { suite: SUITE, name: 'through the gateway, latency p99', value: proxied.latency.p99, unit: 'ms' },
        {
          suite: SUITE,
          name: 'straight to the cotizador, latency p50',
          value: direct.latency.p50,
          unit: 'ms',
        },
        {
          suite: SUITE,
          name: 'straight to the cotizador, latency p99',
          value: direct.latency.p99,
          unit: 'ms',
        },
      ];
    } finally {
      await gateway.close();
    }
  } finally {
    await cotizador.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
