import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, registerConsole } from '../serve';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  // Prepare: a built console and an app with its own 404 problem and an API route, as the gateway has.
  dir = mkdtempSync(join(tmpdir(), 'arka-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Arka</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("arka")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = Fastify();
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/problem+json')
      .send({ title: 'Not Found', status: 404, detail: request.url }),
  );
  app.get('/api/v1/cotizador/productos', async () => ({ content: [] }));
  await registerConsole(app, { root: dir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('registerConsole', () => {
  it('serves index.html at / without long caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('id="root"');
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['cache-control']).toContain('max-age=31536000');
  });

  it.each(['/cotizaciones', '/solicitudes/grupos/123', '/catalogo?page=2'])(
    'falls back to index.html for page %s',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('id="root"');
    },
  );

  it('leaves API paths to the app: a known route answers, an unknown one is a 404 problem', async () => {
    const known = await app.inject({ method: 'GET', url: '/api/v1/cotizador/productos' });
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nada' });
    const auth = await app.inject({ method: 'GET', url: '/auth/login' });
    expect(known.json()).toEqual({ content: [] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect(auth.statusCode).toBe(404);
  });

  it('answers 404 for a missing file instead of index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/missing-000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('does not serve files outside the root', async () => {
    const res = await app.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd' });
    expect(res.body).not.toContain('root:');
    expect([200, 404]).toContain(res.statusCode);
  });

  it('refuses a relative root', async () => {
    await expect(registerConsole(Fastify(), { root: 'web/dist' })).rejects.toThrow(/absolute/);
  });
});

describe('fileFor', () => {
  it.each([
    ['/assets/a.js', join('/srv/c', 'assets/a.js')],
    ['/../secret', undefined],
    ['/%2e%2e/secret', undefined],
    ['/%E0%A4%A', undefined],
  ])('maps %s to %s', (url, expected) => {
    expect(fileFor('/srv/c', url)).toBe(expected);
  });
});

describe('registerConsole before the console is built', () => {
  it('explains how to build it instead of failing the app', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'arka-console-empty-'));
    const bare = Fastify();
    await registerConsole(bare, { root: empty });
    const res = await bare.inject({ method: 'GET', url: '/' });
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w @arka/console');
  });
});
