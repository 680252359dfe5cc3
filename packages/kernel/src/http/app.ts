import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { ZodApp } from './types';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../logger';
import { errors } from '../errors';
import { installJsonTextParser } from './json-body';
import { clientErrorHandler, installErrorHandling, sendProblem, toAppError } from './error-handler';
import { registerHealth, type HealthCheck, type HealthState } from './health';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { serializerCompiler } from './serializer';
import { trustFunction, type TrustedProxies } from './trusted-proxies';

export interface HttpAppOptions {
  readonly logger: Logger;
  /** Largest accepted body in bytes. @default 1 MiB */
  readonly bodyLimit?: number;
  readonly openapi: { readonly title: string; readonly description: string; readonly version: string };
  /** Readiness checks by name (e.g. `database`). @default none: ready when the process answers */
  readonly readiness?: Readonly<Record<string, HealthCheck>>;
  /** Serve the OpenAPI document and its UI at /docs. @default true */
  readonly docs?: boolean;
  /**
   * Proxies whose X-Forwarded-For entries are believed, so `request.ip` is the
   * client's address behind them.
   * @default none - `request.ip` is the peer address
   */
  readonly trustedProxies?: TrustedProxies;
}

export type HttpApp = ZodApp & { readonly healthState: HealthState };

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Builds a Fastify app with what every Arka service shares: zod validation and
 * serialisation, problem+json errors, request ids, one log line per request,
 * health endpoints and the OpenAPI document. The caller registers its routes and
 * decides whether to listen (tests use `inject()`).
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const loggerInstance: FastifyBaseLogger = options.logger;
  const app: ZodApp = Fastify({
    loggerInstance,
    bodyLimit,
    trustProxy: options.trustedProxies ? trustFunction(options.trustedProxies) : false,
    genReqId: requestIdFrom,
    // One line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    clientErrorHandler,
    // Errors raised before routing (a URL that cannot be decoded) get problem+json too.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        error.code === 'FST_ERR_BAD_URL' ? errors.badUrl() : toAppError(error, bodyLimit),
      ),
  }).withTypeProvider<ZodTypeProvider>();

  // Every Arka body is JSON: a text/plain body gets 415 like any other type, not a string
  // that fails validation with 400.
  app.removeContentTypeParser('text/plain');
  installJsonTextParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, bodyLimit);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });

  if (options.docs ?? true) {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: options.openapi,
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  }

  const healthState: HealthState = { shuttingDown: false };
  registerHealth(app, options.readiness ?? {}, healthState);
  return Object.assign(app, { healthState });
}
