import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCotizador } from '@arka/cotizador';
import { startGestor } from '@arka/gestor-solicitudes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addUser,
  buildTestGateway,
  login,
  TEST_SECRET,
  type TestGateway,
  type Tokens,
} from './helpers/harness';
import { hostileTokens } from './helpers/tokens';

describe('security through the gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-security-'));
  let cotizador: Awaited<ReturnType<typeof startCotizador>>;
  let gestor: Awaited<ReturnType<typeof startGestor>>;
  let gateway: TestGateway;
  let cliente1: Tokens;
  let cliente2: Tokens;
  let proveedor1: Tokens;
  let compras: Tokens;

  let theirs: string;
  const as = (tokens: Tokens) => ({ authorization: `Bearer ${tokens.accessToken}` });

  beforeAll(async () => {
    const services = { ARKA_DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, PORT: '0', LOG_LEVEL: 'silent' };
    cotizador = await startCotizador({ ...services, OUTBOX_RELAY: 'false' });
    gestor = await startGestor(services);
    gateway = await buildTestGateway({
      env: { COTIZADOR_URL: cotizador.address, GESTOR_SOLICITUDES_URL: gestor.address },
    });
    await addUser(gateway, { username: 'cliente1', role: 'CLIENTE', clienteId: 'CLI001' });
    await addUser(gateway, { username: 'cliente2', role: 'CLIENTE', clienteId: 'CLI002' });
    await addUser(gateway, { username: 'proveedor1', role: 'PROVEEDOR', proveedorId: 'PROV001' });
    await addUser(gateway, { username: 'compras', role: 'COMPRAS' });
    cliente1 = await login(gateway.app, 'cliente1');
    cliente2 = await login(gateway.app, 'cliente2');
    proveedor1 = await login(gateway.app, 'proveedor1');
    compras = await login(gateway.app, 'compras');
    // A request for quotation addressed to PROV002, which proveedor1 must not see.
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/gestor-solicitudes/solicitudes',
      headers: as(compras),
      payload: {
        proveedorId: 'PROV002',
        tipoSolicitud: 'COTIZACION',
        prioridad: 'MEDIA',
        productos: [{ productoId: 'PROD001', nombreProducto: 'Teclado mecánico', cantidadSolicitada: 20 }],
      },
    });
    if (created.statusCode !== 201) throw new Error(`solicitud not created: ${created.body}`);
    theirs = z.object({ id: z.string() }).parse(created.json()).id;
  });
  afterAll(async () => {
    await gateway?.close();
    await gestor?.close();
    await cotizador?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('answers 401 to every unacceptable bearer token', () => {
    const LIST = '/api/v1/gestor-solicitudes/solicitudes';

    it('has a sound baseline: the valid token passes', async () => {
      const response = await gateway.app.inject({ method: 'GET', url: LIST, headers: as(proveedor1) });

      expect(response.statusCode).toBe(200);
    });

    it('rejects each hostile token at the gateway', async () => {
      for (const [name, authorization] of await hostileTokens(
        proveedor1.accessToken,
        proveedor1.refreshToken,
      )) {
        const response = await gateway.app.inject({
          method: 'GET',
          url: LIST,
          headers: authorization === undefined ? {} : { authorization },
        });
        expect.soft(response.statusCode, name).toBe(401);
        expect.soft(response.headers['content-type'], name).toContain('application/problem+json');
      }
    });

    it('is backed by both services, which reject the same tokens when called directly', async () => {
      for (const url of [`${cotizador.address}/api/v1/cotizador/cotizaciones`, `${gestor.address}${LIST}`]) {
        for (const [name, authorization] of await hostileTokens(
          cliente1.accessToken,
          cliente1.refreshToken,
        )) {
          const response = await fetch(url, {
            headers: authorization === undefined ? {} : { authorization },
          });
          expect.soft(response.status, `${name} at ${url}`).toBe(401);
        }
      }
    });
  });

  describe('tenant rules', () => {
    it("answers 404 when a CLIENTE reads another customer's quote", async () => {
      const created = await gateway.app.inject({
        method: 'POST',
        url: '/api/v1/cotizador/cotizaciones',
        headers: as(cliente2),
        payload: { clienteId: 'CLI002', productos: [{ productoId: 1, cantidad: 2 }] },
      });
      expect(created.statusCode).toBe(201);
      const url = `/api/v1/cotizador/cotizaciones/${created.json().cotizacionId}`;

      const own = await gateway.app.inject({ method: 'GET', url, headers: as(cliente2) });
      const other = await gateway.app.inject({ method: 'GET', url, headers: as(cliente1) });

      expect(own.statusCode).toBe(200);
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('CLI002');
    });

    it("answers 404 when a PROVEEDOR reads another supplier's request", async () => {
      const url = `/api/v1/gestor-solicitudes/solicitudes/${theirs}`;

      const staff = await gateway.app.inject({ method: 'GET', url, headers: as(compras) });
      const other = await gateway.app.inject({ method: 'GET', url, headers: as(proveedor1) });

      expect(staff.statusCode).toBe(200);
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('PROV002');
    });

    it("answers 404 when a PROVEEDOR answers another supplier's request", async () => {
      const response = await gateway.app.inject({
        method: 'POST',
        url: '/api/v1/gestor-solicitudes/respuestas',
        headers: as(proveedor1),
        payload: {
          solicitudId: theirs,
          proveedorId: 'PROV001',
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
