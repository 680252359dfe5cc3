import { describe, expect, it } from 'vitest';
import { createLocalPlatformSource, type LocalStore } from '../src/adapters/local/local-platform-source';

const store = (name: string, kind: LocalStore['kind'], ping: LocalStore['ping']): LocalStore => ({
  name,
  kind,
  ping,
});

describe('local platform source', () => {
  it('reports the supervisor services as one cluster and pings each store', async () => {
    // Prepare
    const source = createLocalPlatformSource({
      provider: async () => ({
        services: [
          { name: 'gateway', desired: 1, running: 1, pending: 0 },
          { name: 'cotizador', desired: 1, running: 0, pending: 1 },
          { name: 'stopped-on-purpose', desired: 0, running: 0, pending: 0 },
        ],
        stores: [
          store('cotizador-sqlite', 'relational', async () => true),
          store('mysql', 'relational', async () => Promise.reject(new Error('ECONNREFUSED'))),
          store('solicitudes-documents', 'document', async () => false),
        ],
      }),
    });

    // Act
    const readings = await source.collect();

    // Assess
    expect(readings).toEqual([
      { kind: 'service', cluster: 'local', service: 'gateway', desired: 1, running: 1, pending: 0 },
      { kind: 'service', cluster: 'local', service: 'cotizador', desired: 1, running: 0, pending: 1 },
      {
        kind: 'service',
        cluster: 'local',
        service: 'stopped-on-purpose',
        desired: 0,
        running: 0,
        pending: 0,
      },
      { kind: 'cluster', cluster: 'local', activeServices: 2, runningTasks: 1, pendingTasks: 1 },
      { kind: 'database', identifier: 'cotizador-sqlite', available: true },
      { kind: 'database', identifier: 'mysql', available: false },
      { kind: 'documentdb', identifier: 'solicitudes-documents', available: false },
    ]);
  });

  it('counts a store whose ping never answers as down', async () => {
    // Prepare
    const source = createLocalPlatformSource({
      clusterName: 'laptop',
      pingTimeoutMs: 5,
      provider: async () => ({
        services: [],
        stores: [store('hung', 'document', () => new Promise(() => {}))],
      }),
    });

    // Act
    const readings = await source.collect();

    // Assess
    expect(readings).toEqual([
      { kind: 'cluster', cluster: 'laptop', activeServices: 0, runningTasks: 0, pendingTasks: 0 },
      { kind: 'documentdb', identifier: 'hung', available: false },
    ]);
  });

  it('fails (a collector error) when the supervisor cannot give its view', async () => {
    const source = createLocalPlatformSource({
      provider: async () => Promise.reject(new Error('supervisor gone')),
    });
    await expect(source.collect()).rejects.toThrow('supervisor gone');
  });
});
