import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { ZodApp } from '@arka/kernel';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { createOpenApiAggregator, type DocumentSource } from './openapi-aggregator';

const DESCRIPTION =
  'The Arka API through its gateway: log in at /auth/login and send the access token as `Authorization: Bearer …` to /api/v1/cotizador/** and /api/v1/gestor-solicitudes/**.';

/**
 * /docs (UI) and /docs/json: the gateway's own routes, documented from their
 * schemas, merged with each upstream's document. Register before any route.
 */
export async function registerAggregatedDocs(
  app: ZodApp,
  options: {
    readonly sources: readonly DocumentSource[];
    readonly cacheMs: number;
    readonly timeoutMs: number;
  },
): Promise<void> {
  const aggregator = createOpenApiAggregator(options);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Arka API', description: DESCRIPTION, version: '1.0.0' },
      tags: [{ name: 'auth', description: 'Login, refresh and logout' }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiHooks: { onRequest: async () => aggregator.refresh() },
    transformSpecification: (spec) => aggregator.merge(spec),
  });
}
