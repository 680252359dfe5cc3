import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildStatus } from '../src/supervisor/child-spec';
import { startMetricsServer, type MetricsServer } from '../src/metrics/metrics-server';
import { servicesOf } from '../src/metrics/services';
import { localStores } from '../src/metrics/stores';
import { freePort } from './helpers/ports';

const servers: MetricsServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const silent = { info: () => undefined, error: () => undefined };

describe('metrics on the local platform', () => {
  it('serves the supervisor view and the store pings as Prometheus text', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'arka-metrics-'));
    dirs.push(dataDir);
    new Database(join(dataDir, 'cotizador.sqlite')).close();
    new Database(join(dataDir, 'solicitudes.sqlite')).close();
    let services: ChildStatus[] = [
      { name: 'gateway', parts: ['gateway'], pid: 10, desired: 1, running: 0, pending: 1, restarts: 0 },
    ];
    const port = await freePort();
    const deadDynalite = `http://127.0.0.1:${await freePort()}`;
    const server = await startMetricsServer({
      port,
      intervalMs: 60_000,
      logger: silent,
      provider: async () => ({ services, stores: localStores(dataDir, deadDynalite) }),
    });
    servers.push(server);

    // Act
    services = [
      { name: 'gateway', parts: ['gateway'], pid: 10, desired: 1, running: 1, pending: 0, restarts: 0 },
    ];
    await server.refresh();
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await response.text();

    // Assess
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(text).toMatch(/arka_service_running_tasks\{[^}]*service_name="gateway"[^}]*\} 1/);
    expect(text).toMatch(/arka_service_health_percent\{[^}]*service_name="gateway"[^}]*\} 100/);
    expect(text).toMatch(/arka_database_up\{[^}]*"cotizador"[^}]*\} 1/);
    expect(text).toMatch(/arka_documentdb_up\{[^}]*"solicitudes"[^}]*\} 1/);
    expect(text).toMatch(/arka_documentdb_up\{[^}]*"dynalite-audit"[^}]*\} 0/);
  });

  it('reports each role of a process that hosts several as a service with that process state', () => {
    // Prepare
    const processes: ChildStatus[] = [
      { name: 'gateway', parts: ['gateway'], pid: 10, desired: 1, running: 1, pending: 0, restarts: 0 },
      {
        name: 'background',
        parts: ['dynalite', 'dispatcher'],
        pid: 11,
        desired: 1,
        running: 0,
        pending: 1,
        restarts: 2,
      },
    ];

    // Act
    const services = servicesOf(processes);

    // Assess
    expect(services).toEqual([
      { name: 'gateway', desired: 1, running: 1, pending: 0 },
      { name: 'dynalite', desired: 1, running: 0, pending: 1 },
      { name: 'dispatcher', desired: 1, running: 0, pending: 1 },
    ]);
  });

  it('answers 404 outside /metrics', async () => {
    // Prepare
    const port = await freePort();
    servers.push(
      await startMetricsServer({
        port,
        intervalMs: 60_000,
        logger: silent,
        provider: async () => ({ services: [], stores: [] }),
      }),
    );

    // Act
    const response = await fetch(`http://127.0.0.1:${port}/`);

    // Assess
    expect(response.status).toBe(404);
  });
});
