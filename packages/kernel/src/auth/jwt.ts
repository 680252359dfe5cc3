import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { errors } from '../errors';
import { ROLES, type Principal } from './principal';

export interface JwtSettings {
  /** At least 32 bytes (HS256 key). */
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
}

export const MIN_SECRET_BYTES = 32;
/** RFC 9068 media type of access tokens; refresh tokens carry another, so neither passes for the other. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const accessClaims = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  clienteId: z.string().min(1).optional(),
  proveedorId: z.string().min(1).optional(),
  token_use: z.literal('access'),
});

function key(secret: string): Uint8Array {
  const bytes = new TextEncoder().encode(secret);
  if (bytes.length < MIN_SECRET_BYTES)
    throw new Error(`JWT secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return bytes;
}

export interface AccessTokenVerifier {
  /** Resolves the principal, or throws a 401 AppError naming nothing secret. */
  verify(token: string): Promise<Principal>;
}

export function createAccessTokenVerifier(settings: JwtSettings): AccessTokenVerifier {
  // Imported once: handing jose the raw bytes would re-import the HMAC key on every request.
  const secret = crypto.subtle.importKey(
    'raw',
    key(settings.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await secret, {
          algorithms: ['HS256'],
          issuer: settings.issuer,
          audience: settings.audience,
          typ: ACCESS_TOKEN_TYPE,
          requiredClaims: ['exp', 'iat', 'sub'],
        });
        const claims = accessClaims.parse(payload);
        return {
          subject: claims.sub,
          roles: claims.roles,
          ...(claims.clienteId ? { clienteId: claims.clienteId } : {}),
          ...(claims.proveedorId ? { proveedorId: claims.proveedorId } : {}),
        };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired)
          throw errors.unauthorized('The access token has expired.');
        throw errors.unauthorized('The access token is not valid.');
      }
    },
  };
}

/** Issues access tokens (the gateway, and tests). */
export function createAccessTokenSigner(settings: JwtSettings, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS) {
  const secret = key(settings.secret);
  return {
    ttlSeconds,
    async sign(principal: Principal, now: Date = new Date()): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({
        roles: [...principal.roles],
        token_use: 'access',
        ...(principal.clienteId ? { clienteId: principal.clienteId } : {}),
        ...(principal.proveedorId ? { proveedorId: principal.proveedorId } : {}),
      })
        .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE })
        .setSubject(principal.subject)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setJti(randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(secret);
    },
  };
}
