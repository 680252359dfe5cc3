/**
 * Bulk requests to 50 suppliers per second and comparisons of a group with 50
 * answers per second, over HTTP on the embedded store, against the hello-world
 * rate of the same app in the same run. autocannon runs as a child process so the
 * client does not share the server's event loop. The outbox relay is not running:
 * this measures the service's own path (validation, one transaction of 50
 * requests and 50 outbox rows; a read of 50 answers and the ranking). Logging is
 * quiet (fatal only): a handler still running for a request whose client left when
 * the load ended may fail once the store closes, which says nothing about the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccessTokenSigner, createLogger, parseConfig } from '@arka/kernel';
import { z } from 'zod';
import { load as loadWith, type LoadRequest, type LoadResult } from '../../../bench/autocannon';
import type { BenchRow } from '../../../bench/types';
import { buildApp } from '../src/app';
import { EmbeddedSolicitudesStore } from '../src/adapters/persistence/embedded/embedded-store';
import { configSchema } from '../src/config';
import { EMBEDDED_FILE } from '../src/store';

const SUITE = 'gestor-solicitudes';
const CONNECTIONS = 20;
const load = (url: string, seconds: number, request: LoadRequest = {}): Promise<LoadResult> =>
  loadWith(url, { connections: CONNECTIONS, seconds, ...request });
const DURATION_SECONDS = 8;
const WARMUP_SECONDS = 1;
const SUPPLIERS = 50;
// A bulk send writes 50 requests and 50 outbox rows: 0.1 % of baseline is 5 % of it in requests created per second.
const BULK_GOAL = 0.001;
// A comparison reads, validates and ranks 50 answers and returns them all.
const COMPARISON_GOAL = 0.02;
const SECRET = 'gestor-solicitudes-benchmark-secret-0123456789';
const BASE = '/api/v1/gestor-solicitudes';

const proveedorIds = Array.from({ length: SUPPLIERS }, (_, i) => `PROV${String(100 + i)}`);
const draft = JSON.stringify({
  tipoSolicitud: 'COTIZACION',
  prioridad: 'ALTA',
  observaciones: 'benchmark',
  productos: [
    {
      productoId: 'PROD001',
      nombreProducto: 'Teclado mecánico',
      cantidadSolicitada: 20,
      precioReferencia: 150.5,
    },
    { productoId: 'PROD002', nombreProducto: 'Mouse inalámbrico', cantidadSolicitada: 40 },
  ],
});

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gestor-bench-'));
  const config = parseConfig(configSchema, {
    ARKA_DATA_DIR: dataDir,
    LOG_LEVEL: 'fatal',
    JWT_SECRET: SECRET,
  });
  const store = EmbeddedSolicitudesStore.open(join(dataDir, EMBEDDED_FILE));
  const app = await buildApp(config, { store, logger: createLogger({ service: SUITE, level: 'fatal' }) });
  try {
    for (const [i, id] of proveedorIds.entries()) {
      await store.insertProveedor({
        id,
        nombre: `Proveedor ${i}`,
        categoria: 'Periféricos',
        email: `p${i}@proveedores.example`,
        telefono: `+5730012${String(10000 + i)}`,
        activo: true,
      });
    }
    // The baseline: the same app, plugins and hooks, doing nothing but answering.
    app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const token = await createAccessTokenSigner({
      secret: SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }).sign({ subject: 'bench-compras', roles: ['COMPRAS'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // A group of 50 answered requests to compare.
    const envio = await app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes/multiple?proveedorIds=${proveedorIds.join(',')}`,
      headers,
      payload: draft,
    });
    const group = z
      .object({
        grupoId: z.string(),
        solicitudes: z.array(z.object({ id: z.string(), proveedorId: z.string() })),
      })
      .parse(envio.json());
    for (const [i, s] of group.solicitudes.entries()) {
      const answer = await app.inject({
        method: 'POST',
        url: `${BASE}/respuestas`,
        headers,
        payload: {
          solicitudId: s.id,
          proveedorId: s.proveedorId,
          estado: i % 5 === 0 ? 'PARCIAL' : 'ACEPTADA',
          precioOfertado: 1000 + (i % 7) * 10.25,
          tiempoEntrega: i % 9,
        },
      });
      if (answer.statusCode !== 201) throw new Error(`answer ${i}: ${answer.statusCode} ${answer.body}`);
    }

    const helloUrl = `${address}/bench/hello`;
    const bulkUrl = `${address}${BASE}/solicitudes/multiple?proveedorIds=${proveedorIds.join(',')}`;
    const comparisonUrl = `${address}${BASE}/solicitudes/grupos/${group.grupoId}/comparacion`;
    const bulkRequest = { method: 'POST', headers, body: draft };

    await load(helloUrl, WARMUP_SECONDS);
    const hello = await load(helloUrl, DURATION_SECONDS);
    await load(comparisonUrl, WARMUP_SECONDS, { headers });
    const comparison = await load(comparisonUrl, DURATION_SECONDS, { headers });
    await load(bulkUrl, WARMUP_SECONDS, bulkRequest);
    const bulk = await load(bulkUrl, DURATION_SECONDS, bulkRequest);

    const baseline = { name: 'hello world, same app', value: hello.requests.average };
    const row = (name: string, result: LoadResult, goal: number): BenchRow => ({
      suite: SUITE,
      name,
      value: result.requests.average,
      unit: 'req/s',
      baseline,
      goal: `≥ ${goal * 100} % of baseline`,
      met: result.requests.average / hello.requests.average >= goal,
    });
    return [
      row(`bulk request to ${SUPPLIERS} suppliers (${CONNECTIONS} clients)`, bulk, BULK_GOAL),
      row(
        `comparison of a group with ${SUPPLIERS} answers (${CONNECTIONS} clients)`,
        comparison,
        COMPARISON_GOAL,
      ),
      {
        suite: SUITE,
        name: 'hello world, same app (baseline)',
        value: hello.requests.average,
        unit: 'req/s',
      },
      { suite: SUITE, name: 'bulk request latency p99', value: bulk.latency.p99, unit: 'ms' },
      { suite: SUITE, name: 'comparison latency p99', value: comparison.latency.p99, unit: 'ms' },
    ];
  } finally {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
