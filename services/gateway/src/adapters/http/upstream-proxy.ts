import type { IncomingHttpHeaders } from 'node:http';
import replyFrom from '@fastify/reply-from';
import { errors, type ZodApp } from '@arka/kernel';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import CircuitBreaker from 'opossum';
import { gatewayErrors } from './gateway-errors';

export interface BreakerSettings {
  readonly errorThresholdPercentage: number;
  readonly volumeThreshold: number;
  readonly rollingWindowMs: number;
  readonly resetTimeoutMs: number;
}

export interface UpstreamSettings {
  /** Name in logs, health and problem details, e.g. `cotizador`. */
  readonly name: string;
  /** Path prefix the upstream serves itself; forwarded unchanged. */
  readonly prefix: string;
  /** Origin, e.g. http://127.0.0.1:8081. */
  readonly url: string;
  readonly timeoutMs: number;
  readonly breaker: BreakerSettings;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface Upstream {
  readonly name: string;
  readonly url: string;
  breakerState(): BreakerState;
}

// RFC 9110 §7.6.1: meaningful for one connection only, never forwarded.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
const METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'];

function withoutHopByHop<H extends IncomingHttpHeaders>(headers: H): H {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

/** An upstream answered 502–504 itself: relayed as it was, and counted by the breaker. */
class UpstreamServerError extends Error {}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code;

/**
 * What the proxy library refuses to forward (a `..` segment, once decoded, or a
 * malformed percent-encoding), checked here so such a request is the client's
 * 400 and never counts against the upstream's breaker.
 */
export function isForwardable(url: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return false;
  }
  return decoded !== '..' && !decoded.includes('/..') && !decoded.includes('../');
}

/** An error the proxy raised about the request itself (4xx): the upstream was never asked. */
const isClientError = (error: unknown): boolean => {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
};

function isTimeout(error: unknown): boolean {
  return (error as { statusCode?: unknown } | undefined)?.statusCode === 504;
}

function forward(request: FastifyRequest, reply: FastifyReply, settings: UpstreamSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    // A client that goes away before the answer must not leave the breaker waiting.
    reply.raw.once('close', () => resolve());
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    reply.from(undefined, {
      timeout: settings.timeoutMs,
      // No silent retries (reply-from retries GETs on 503 by default): the breaker decides.
      retryDelay: () => null,
      // The raw bytes, with the caller's own content type: nothing is re-encoded.
      ...(body ? { body, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : {}),
      rewriteRequestHeaders: (original, headers) => {
        const forwardedFor = original.headers['x-forwarded-for'];
        return {
          ...withoutHopByHop(headers),
          'x-request-id': String(original.id),
          'x-forwarded-for': forwardedFor ? `${String(forwardedFor)}, ${original.ip}` : original.ip,
        };
      },
      rewriteHeaders: (headers) => withoutHopByHop(headers),
      onResponse: (_request, proxied, response) => {
        proxied.send(response.stream);
        if (response.statusCode >= 502 && response.statusCode <= 504) {
          reject(new UpstreamServerError(`${settings.name} answered ${response.statusCode}`));
        } else {
          resolve();
        }
      },
      onError: (_reply, { error }) => reject(error),
    });
  });
}

/**
 * Routes `<prefix>` and `<prefix>/**` to one upstream through its own connection
 * pool and circuit breaker. The body is read as raw bytes (up to the body limit)
 * and forwarded untouched; the gateway checks the access token first, and the
 * upstream checks it again.
 */
export async function registerUpstreamProxy(
  app: ZodApp,
  settings: UpstreamSettings,
  options: { readonly guard: preHandlerAsyncHookHandler; readonly bodyLimit: number },
): Promise<Upstream> {
  const breaker = new CircuitBreaker((job: () => Promise<void>) => job(), {
    name: settings.name,
    timeout: false, // the proxy's own timeout aborts the request; the breaker only counts
    errorThresholdPercentage: settings.breaker.errorThresholdPercentage,
    volumeThreshold: settings.breaker.volumeThreshold,
    rollingCountTimeout: settings.breaker.rollingWindowMs,
    resetTimeout: settings.breaker.resetTimeoutMs,
    // A refused request says nothing about the upstream's health.
    errorFilter: isClientError,
  });
  breaker.on('open', () => app.log.warn({ upstream: settings.name }, 'circuit opened'));
  breaker.on('halfOpen', () => app.log.info({ upstream: settings.name }, 'circuit half-open: probing'));
  breaker.on('close', () => app.log.info({ upstream: settings.name }, 'circuit closed'));
  const retryAfter = Math.max(1, Math.ceil(settings.breaker.resetTimeoutMs / 1000));

  await app.register(async (scope) => {
    await scope.register(replyFrom, {
      base: settings.url,
      disableRequestLogging: true,
      undici: { connections: 128, pipelining: 1, keepAliveTimeout: 30_000 },
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: options.bodyLimit },
      (_request, body, done) => done(null, body),
    );
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isForwardable(request.url)) throw gatewayErrors.malformedPath();
      try {
        await breaker.fire(() => forward(request, reply, settings));
      } catch (error) {
        if (error instanceof UpstreamServerError) return reply;
        if (codeOf(error) === 'EOPENBREAKER') throw gatewayErrors.circuitOpen(settings.name, retryAfter);
        // A request that slipped in while the gateway closes: not the upstream's fault.
        if (codeOf(error) === 'ESHUTDOWN') throw errors.unavailable('The gateway is shutting down.');
        if (isTimeout(error)) throw gatewayErrors.upstreamTimeout(settings.name, error);
        if (isClientError(error)) throw gatewayErrors.malformedPath();
        throw gatewayErrors.upstreamUnreachable(settings.name, error);
      }
      return reply;
    };
    for (const url of [settings.prefix, `${settings.prefix}/*`]) {
      scope.route({ method: METHODS, url, preHandler: options.guard, schema: { hide: true }, handler });
    }
  });
  app.addHook('onClose', async () => breaker.shutdown());

  return {
    name: settings.name,
    url: settings.url,
    breakerState: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed'),
  };
}
