import type { FastifyRequest } from 'fastify';
import { errors } from '../errors';
import type { AccessTokenVerifier } from './jwt';
import { hasAnyRole, type Principal, type Role } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

function bearerToken(header: string | undefined): string {
  const match =
    header === undefined
      ? null
      : /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=+/]*)$/i.exec(header);
  if (!match?.[1]) throw errors.unauthorized();
  return match[1];
}

/**
 * Route guard: a valid access token whose roles include one of `roles` (any role
 * when none are named). Sets `request.principal`. Install it as the route's
 * `onRequest` hook, so a caller without the role gets 401/403 before its body is
 * parsed or validated (and learns nothing of the body's schema).
 */
export function authorize(verifier: AccessTokenVerifier, ...roles: Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const principal = await verifier.verify(bearerToken(request.headers.authorization));
    if (roles.length > 0 && !hasAnyRole(principal, roles)) throw errors.forbidden();
    request.principal = principal;
  };
}

/** The principal set by `authorize`; a route without the guard is a bug, hence 500 via throw. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route is missing its authorize() guard');
  return request.principal;
}
