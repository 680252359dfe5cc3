import rateLimit from '@fastify/rate-limit';
import type { AccessTokenVerifier, ZodApp } from '@arka/kernel';
import type { FastifyRequest } from 'fastify';
import { gatewayErrors } from './gateway-errors';

const BEARER = /^Bearer (\S+)$/i;

/**
 * The client a request counts against: the subject of a valid access token, so a
 * whole office behind one address is not throttled as one, else the address.
 * Only a verified token counts, so a forged subject cannot drain someone else's quota.
 */
async function clientKey(verifier: AccessTokenVerifier, request: FastifyRequest): Promise<string> {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (token !== undefined) {
    try {
      return `sub:${(await verifier.verify(token)).subject}`;
    } catch {
      // an invalid token is answered 401 later; for counting, the address is the client
    }
  }
  return `ip:${request.ip}`;
}

export async function registerRateLimit(
  app: ZodApp,
  settings: { readonly max: number; readonly windowMs: number; readonly verifier: AccessTokenVerifier },
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: settings.max,
    timeWindow: settings.windowMs,
    keyGenerator: (request) => clientKey(settings.verifier, request),
    // Probes from the load balancer must never be throttled into an outage.
    allowList: (request) => request.url.startsWith('/actuator/'),
    errorResponseBuilder: (_request, context) =>
      gatewayErrors.rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
