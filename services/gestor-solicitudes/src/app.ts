import {
  createAccessTokenVerifier,
  createHttpApp,
  resolveJwtSecret,
  type HttpApp,
  type Logger,
} from '@arka/kernel';
import { randomUUID } from 'node:crypto';
import { proveedoresRoutes } from './adapters/http/proveedores.routes';
import { respuestasRoutes } from './adapters/http/respuestas.routes';
import { solicitudesRoutes } from './adapters/http/solicitudes.routes';
import type { GestorContext } from './application/context';
import type { SolicitudesStore } from './application/ports/solicitudes-store';
import type { Runtime } from './application/ports/runtime';
import { isEmbedded, type GestorConfig } from './config';

export interface AppDeps {
  readonly store: SolicitudesStore;
  readonly logger: Logger;
  /** @default the system clock and random UUIDs */
  readonly runtime?: Runtime;
  /** Called after each write that filled the outbox (the relay's `wake`). */
  readonly outboxWritten?: () => void;
}

export const systemRuntime: Runtime = { now: () => new Date(), newId: () => randomUUID() };

/** Builds the HTTP app; tests call it and use `inject()`, main.ts makes it listen. */
export async function buildApp(config: GestorConfig, deps: AppDeps): Promise<HttpApp> {
  const secret = resolveJwtSecret({
    ...(config.JWT_SECRET === undefined ? {} : { given: config.JWT_SECRET }),
    embedded: isEmbedded(config),
    dataDir: config.ARKA_DATA_DIR,
  });
  const verifier = createAccessTokenVerifier({
    secret,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const ctx: GestorContext = {
    store: deps.store,
    runtime: deps.runtime ?? systemRuntime,
    comprasEmail: config.COMPRAS_EMAIL,
    ...(deps.outboxWritten ? { outboxWritten: deps.outboxWritten } : {}),
  };
  const app = await createHttpApp({
    logger: deps.logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    openapi: {
      title: 'Arka gestor de solicitudes',
      description:
        'Suppliers, requests for quotation (single and bulk), supplier answers and best-offer comparison.',
      version: '1.0.0',
    },
    readiness: { store: () => deps.store.ping() },
  });
  proveedoresRoutes(app, ctx, verifier);
  solicitudesRoutes(app, ctx, verifier);
  respuestasRoutes(app, ctx, verifier);
  return app;
}
