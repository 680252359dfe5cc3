import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './helpers/fake-upstream';
import { buildTestGateway, type TestGateway } from './helpers/harness';

const cotizadorDocument = {
  openapi: '3.1.0',
  info: { title: 'Cotizador', version: '1.0.0' },
  tags: [{ name: 'cotizaciones' }],
  paths: {
    '/api/v1/cotizador/cotizaciones': {
      post: { tags: ['cotizaciones'], responses: { 201: { description: 'created' } } },
    },
  },
  components: {
    schemas: { Cotizacion: { type: 'object' }, Problem: { type: 'object', title: 'upstream copy' } },
  },
};

describe('health and the aggregated OpenAPI document', () => {
  let cotizador: FakeUpstream;
  let gateway: TestGateway;

  beforeAll(async () => {
    cotizador = await startFakeUpstream((app) => {
      app.get('/actuator/health', async () => ({ status: 'UP' }));
      app.get('/docs/json', async () => cotizadorDocument);
    });
    // gestor-solicitudes points at a port where nothing listens.
    gateway = await buildTestGateway({ env: { COTIZADOR_URL: cotizador.url } });
  });
  afterAll(async () => {
    await gateway.close();
    await cotizador.close();
  });

  it('reports the gateway UP with each upstream as a component, down ones included', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/actuator/health' });

    expect(response.statusCode).toBe(200);
    const readiness = response.json().components.readiness;
    expect(readiness.components.database.status).toBe('UP');
    expect(readiness.components.upstreams.details).toMatchObject({
      cotizador: { status: 'UP', url: cotizador.url, circuit: 'closed' },
      'gestor-solicitudes': { status: 'DOWN', circuit: 'closed' },
    });
  });

  it('serves one document with the auth routes and the upstream paths and schemas', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/docs/json' });

    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/auth/refresh',
        '/auth/logout',
        '/api/v1/cotizador/cotizaciones',
      ]),
    );
    expect(document.components.schemas).toHaveProperty('Cotizacion');
    expect(document.components.schemas).toHaveProperty('TokenPair');
    expect(document.tags.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['auth', 'cotizaciones']),
    );
  });

  it('names an upstream whose document could not be fetched', async () => {
    const document = (await gateway.app.inject({ method: 'GET', url: '/docs/json' })).json();

    expect(document.info.description).toContain(
      'Not available right now, so not included: gestor-solicitudes',
    );
  });

  it('serves the documentation page', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/docs' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger-initializer.js');
  });

  it('leaves the proxy routes out of the document', async () => {
    const document = (await gateway.app.inject({ method: 'GET', url: '/docs/json' })).json();

    expect(Object.keys(document.paths)).not.toContain('/api/v1/cotizador/*');
  });
});
