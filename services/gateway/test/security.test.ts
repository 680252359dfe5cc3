import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCotizador } from '@arka/cotizador';
import { proveedorScope, type AccessTokenVerifier } from '@arka/kernel';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './helpers/fake-upstream';
import {
  addUser,
  buildTestGateway,
  login,
  TEST_SECRET,
  type TestGateway,
  type Tokens,
} from './helpers/harness';
import { hostileTokens } from './helpers/tokens';

const SOLICITUDES: Record<string, string> = { 'SOL-1': 'PROV001', 'SOL-2': 'PROV002' };

/** gestor-solicitudes as far as tenancy goes: verifies the token itself, 404 for another supplier's request. */
function fakeGestor(hits: { count: number }) {
  return (app: FakeUpstream['app'], verifier: AccessTokenVerifier) => {
    const scopeOf = async (request: FastifyRequest) => {
      hits.count += 1;
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      return proveedorScope(await verifier.verify(token));
    };
    const visible = (confinedTo: string | undefined, id: string) =>
      SOLICITUDES[id] !== undefined && (confinedTo === undefined || SOLICITUDES[id] === confinedTo);
    app.setErrorHandler((_error, _request, reply) => reply.code(401).send({ status: 401 }));
    app.get<{ Params: { id: string } }>(
      '/api/v1/gestor-solicitudes/solicitudes/:id',
      async (request, reply) => {
        const { confinedTo } = await scopeOf(request);
        if (!visible(confinedTo, request.params.id)) return reply.code(404).send({ status: 404 });
        return { id: request.params.id, proveedorId: SOLICITUDES[request.params.id] };
      },
    );
    app.post<{ Body: { solicitudId: string } }>(
      '/api/v1/gestor-solicitudes/respuestas',
      async (request, reply) => {
        const { confinedTo } = await scopeOf(request);
        if (!visible(confinedTo, request.body.solicitudId)) return reply.code(404).send({ status: 404 });
        return reply.code(201).send({ solicitudId: request.body.solicitudId });
      },
    );
  };
}

describe('security through the gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-security-'));
  const gestorHits = { count: 0 };
  let cotizador: Awaited<ReturnType<typeof startCotizador>>;
  let gestor: FakeUpstream;
  let gateway: TestGateway;
  let cliente1: Tokens;
  let cliente2: Tokens;
  let proveedor1: Tokens;

  beforeAll(async () => {
    cotizador = await startCotizador({
      ARKA_DATA_DIR: dataDir,
      JWT_SECRET: TEST_SECRET,
      PORT: '0',
      LOG_LEVEL: 'silent',
      OUTBOX_RELAY: 'false',
    });
    gestor = await startFakeUpstream(fakeGestor(gestorHits));
    gateway = await buildTestGateway({
      env: { COTIZADOR_URL: cotizador.address, GESTOR_SOLICITUDES_URL: gestor.url },
    });
    await addUser(gateway, { username: 'cliente1', role: 'CLIENTE', clienteId: 'CLI001' });
    await addUser(gateway, { username: 'cliente2', role: 'CLIENTE', clienteId: 'CLI002' });
    await addUser(gateway, { username: 'proveedor1', role: 'PROVEEDOR', proveedorId: 'PROV001' });
    cliente1 = await login(gateway.app, 'cliente1');
    cliente2 = await login(gateway.app, 'cliente2');
    proveedor1 = await login(gateway.app, 'proveedor1');
  });
  afterAll(async () => {
    await gateway?.close();
    await gestor?.close();
    await cotizador?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('answers 401 to every unacceptable bearer token', () => {
    it('has a sound baseline: the valid token passes', async () => {
      const response = await gateway.app.inject({
        method: 'GET',
        url: '/api/v1/gestor-solicitudes/solicitudes/SOL-1',
        headers: { authorization: `Bearer ${proveedor1.accessToken}` },
      });
      expect(response.statusCode).toBe(200);
    });

    it('rejects each hostile token at the gateway, before the upstream sees it', async () => {
      for (const [name, authorization] of await hostileTokens(
        proveedor1.accessToken,
        proveedor1.refreshToken,
      )) {
        const before = gestorHits.count;
        const response = await gateway.app.inject({
          method: 'GET',
          url: '/api/v1/gestor-solicitudes/solicitudes/SOL-1',
          headers: authorization === undefined ? {} : { authorization },
        });
        expect.soft(response.statusCode, name).toBe(401);
        expect.soft(response.headers['content-type'], name).toContain('application/problem+json');
        expect.soft(gestorHits.count, name).toBe(before);
      }
    });

    it('is backed by the cotizador, which rejects the same tokens when called directly', async () => {
      for (const [name, authorization] of await hostileTokens(cliente1.accessToken, cliente1.refreshToken)) {
        const response = await fetch(`${cotizador.address}/api/v1/cotizador/cotizaciones`, {
          headers: authorization === undefined ? {} : { authorization },
        });
        expect.soft(response.status, name).toBe(401);
      }
    });
  });

  describe('tenant rules', () => {
    it("answers 404 when a CLIENTE reads another customer's quote", async () => {
      const created = await gateway.app.inject({
        method: 'POST',
        url: '/api/v1/cotizador/cotizaciones',
        headers: { authorization: `Bearer ${cliente2.accessToken}` },
        payload: { clienteId: 'CLI002', productos: [{ productoId: 1, cantidad: 2 }] },
      });
      expect(created.statusCode).toBe(201);
      const url = `/api/v1/cotizador/cotizaciones/${created.json().cotizacionId}`;

      const own = await gateway.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${cliente2.accessToken}` },
      });
      const other = await gateway.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${cliente1.accessToken}` },
      });

      expect(own.statusCode).toBe(200);
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('CLI002');
    });

    it("answers 404 when a PROVEEDOR reads another supplier's request", async () => {
      const response = await gateway.app.inject({
        method: 'GET',
        url: '/api/v1/gestor-solicitudes/solicitudes/SOL-2',
        headers: { authorization: `Bearer ${proveedor1.accessToken}` },
      });

      expect(response.statusCode).toBe(404);
    });

    it("answers 404 when a PROVEEDOR answers another supplier's request", async () => {
      const response = await gateway.app.inject({
        method: 'POST',
        url: '/api/v1/gestor-solicitudes/respuestas',
        headers: { authorization: `Bearer ${proveedor1.accessToken}` },
        payload: {
          solicitudId: 'SOL-2',
          proveedorId: 'PROV002',
          estado: 'ACEPTADA',
          precioOfertado: 10,
          tiempoEntrega: 3,
        },
      });

      expect(response.statusCode).toBe(404);
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: string) =>
      gateway.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });

    it('answers 401 to a reused refresh token and revokes its family', async () => {
      const first = await login(gateway.app, 'cliente1');
      const second = (await refresh(first.refreshToken)).json();

      expect((await refresh(first.refreshToken)).statusCode).toBe(401);
      expect((await refresh(second.refreshToken)).statusCode).toBe(401);
    });

    it('answers 401 to a refresh after logout', async () => {
      const session = await login(gateway.app, 'cliente1');
      await gateway.app.inject({
        method: 'POST',
        url: '/auth/logout',
        payload: { refreshToken: session.refreshToken },
      });

      expect((await refresh(session.refreshToken)).statusCode).toBe(401);
    });
  });
});

describe('JWT secret at start-up', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const main = join(root, 'services/gateway/src/main.ts');
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', main], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('stops the process when JWT_SECRET is missing outside the embedded mode', () => {
    const result = start({ MYSQL_URL: 'mysql://nobody:nothing@127.0.0.1:9/none' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('JWT_SECRET: required outside the embedded mode');
  });

  it('stops the process when JWT_SECRET is shorter than 32 bytes', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-short-secret-'));
    try {
      const result = start({ ARKA_DATA_DIR: dataDir, JWT_SECRET: 'too-short' });

      expect(result.status).toBe(1);
      expect(result.stderr).toContain('JWT_SECRET: must be at least 32 bytes');
      expect(result.stderr).not.toContain('too-short');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
