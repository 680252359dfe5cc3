/**
 * CPU time per proxied request, for profiling work on the gateway (not part of
 * `npm run bench`): runs the bench's servers, loads the gateway, and prints the CPU
 * µs each process spent per request, which a busy machine disturbs far less than
 * req/s. `PROFILE=dir` adds --cpu-prof to the gateway, `GATEWAY_NODE_FLAGS` any other
 * flags (e.g. `--heap-prof`); `SECONDS=n` sets the load, `ROUNDS=n` repeats it, `DIRECT=1`
 * also measures the cotizador alone.
 *
 *   npx tsx services/gateway/bench/cpu-probe.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { load } from '../../../bench/autocannon';
import { bundleServers, COTIZADOR_CATALOG_FILE, startServer, type BenchServer } from './processes';

const SECRET = 'gateway-benchmark-secret-0123456789abcdef';
const PASSWORD = 'gateway-bench-password';
const seconds = Number(process.env['SECONDS'] ?? 10);
const profileDir = process.env['PROFILE'];
const rounds = Number(process.env['ROUNDS'] ?? 1);
const direct = process.env['DIRECT'] === '1';

const dataDir = mkdtempSync(join(tmpdir(), 'gateway-probe-'));
const common = {
  ARKA_DATA_DIR: dataDir,
  JWT_SECRET: SECRET,
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
};
await bundleServers();
const cotizador = await startServer('cotizador', { ...common, CATALOG_FILE: COTIZADOR_CATALOG_FILE });
const gateway = await startServer(
  'gateway',
  { ...common, COTIZADOR_URL: cotizador.address, ARKA_DEMO_PASSWORD: PASSWORD, RATE_LIMIT_MAX: '100000000' },
  [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ...(process.env['GATEWAY_NODE_FLAGS'] ?? '').split(' ').filter((flag) => flag !== ''),
  ],
);
try {
  const login = await fetch(`${gateway.address}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ventas', password: PASSWORD }),
  });
  const { accessToken } = z.object({ accessToken: z.string() }).parse(await login.json());
  const request = {
    connections: 50,
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clienteId: 'CLI001',
      observaciones: 'benchmark',
      productos: [
        { productoId: 1, cantidad: 5 },
        { productoId: 12, cantidad: 2 },
        { productoId: 27, cantidad: 30 },
      ],
    }),
    toleratedLoss: 0.005,
  };
  const path = '/api/v1/cotizador/cotizaciones';
  const measure = async (target: BenchServer, watched: readonly BenchServer[]) => {
    const before = await Promise.all(watched.map((s) => s.cpuMicros()));
    const result = await load(`${target.address}${path}`, { ...request, seconds });
    const after = await Promise.all(watched.map((s) => s.cpuMicros()));
    const total = result.requests.total;
    return {
      reqPerSecond: Math.round(result.requests.average),
      requests: total,
      cpuMicrosPerRequest: watched.map((_, i) => Math.round(((after[i] ?? 0) - (before[i] ?? 0)) / total)),
    };
  };
  await load(`${gateway.address}${path}`, { ...request, seconds: 2 });
  for (let round = 0; round < rounds; round += 1) {
    if (direct) {
      const d = await measure(cotizador, [cotizador]);
      console.log(JSON.stringify({ direct: true, ...d, cotizador: d.cpuMicrosPerRequest[0] }));
    }
    const g = await measure(gateway, [gateway, cotizador]);
    console.log(
      JSON.stringify({ ...g, gateway: g.cpuMicrosPerRequest[0], cotizador: g.cpuMicrosPerRequest[1] }),
    );
  }
} finally {
  await gateway.close();
  await cotizador.close();
  rmSync(dataDir, { recursive: true, force: true });
}
