import {
  createAccessTokenSigner,
  createLogger,
  parseConfig,
  type HttpApp,
  type Principal,
} from '@arka/kernel';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app';
import type { Runtime } from '../../src/application/ports/runtime';
import { EmbeddedSolicitudesStore } from '../../src/adapters/persistence/embedded/embedded-store';
import { DEMO_PROVEEDORES } from '../../src/application/proveedores';
import { configSchema } from '../../src/config';

export const JWT = {
  secret: 'gestor-solicitudes-test-secret-0123456789',
  issuer: 'arka-gateway',
  audience: 'arka-api',
};
export const BASE = '/api/v1/gestor-solicitudes';

const signer = createAccessTokenSigner(JWT);

export function bearer(principal: Principal): Promise<string> {
  return signer.sign(principal).then((token) => `Bearer ${token}`);
}

export interface TestApp {
  readonly app: HttpApp;
  readonly store: EmbeddedSolicitudesStore;
  /** Authorization headers per role; `proveedor` is PROV001, `otroProveedor` PROV002. */
  readonly as: Record<
    'compras' | 'admin' | 'proveedor' | 'otroProveedor' | 'cliente' | 'ventas',
    { authorization: string }
  >;
  close(): Promise<void>;
}

/**
 * A clock that moves one second per reading, so the order of writes in a test is
 * the order of their times (answer-time tie-breaks never depend on luck).
 */
export function steppingRuntime(start = Date.parse('2026-03-01T12:00:00Z')): Runtime {
  let tick = 0;
  return { now: () => new Date(start + 1000 * tick++), newId: () => randomUUID() };
}

/** The real app on a private in-memory embedded store with the demo suppliers. */
export async function testApp(): Promise<TestApp> {
  const config = parseConfig(configSchema, { JWT_SECRET: JWT.secret, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const store = EmbeddedSolicitudesStore.open(':memory:');
  await store.seedProveedores(DEMO_PROVEEDORES);
  const app = await buildApp(config, {
    store,
    logger: createLogger({ service: 'test', level: 'silent' }),
    runtime: steppingRuntime(),
  });
  await app.ready();
  const header = async (principal: Principal) => ({ authorization: await bearer(principal) });
  return {
    app,
    store,
    as: {
      compras: await header({ subject: 'compras1', roles: ['COMPRAS'] }),
      admin: await header({ subject: 'admin', roles: ['ADMIN'] }),
      proveedor: await header({ subject: 'prov1', roles: ['PROVEEDOR'], proveedorId: 'PROV001' }),
      otroProveedor: await header({ subject: 'prov2', roles: ['PROVEEDOR'], proveedorId: 'PROV002' }),
      cliente: await header({ subject: 'cli', roles: ['CLIENTE'], clienteId: 'CLI001' }),
      ventas: await header({ subject: 'ventas', roles: ['VENTAS'] }),
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A valid request body for `proveedorId` (omit it for a bulk send). */
export function solicitudBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    proveedorId: 'PROV001',
    tipoSolicitud: 'COTIZACION',
    prioridad: 'ALTA',
    observaciones: 'Entrega en Bogotá',
    productos: [
      {
        productoId: 'PROD001',
        nombreProducto: 'Teclado mecánico',
        cantidadSolicitada: 20,
        precioReferencia: 150.5,
      },
    ],
    ...overrides,
  };
}

export function draftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { proveedorId: _omitted, ...draft } = solicitudBody(overrides);
  return draft;
}
