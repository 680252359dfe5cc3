import type { AccessTokenVerifier } from './jwt';
import type { Principal } from './principal';
import { decodeJwt } from 'jose';

export interface TokenCacheOptions {
  /** Distinct tokens remembered; past it the oldest entry goes. @default 10000 */
  readonly max?: number;
  /** Longest a verification is reused, and never past the token's `exp`. @default 60 s */
  readonly maxAgeMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

interface Entry {
  readonly principal: Principal;
  readonly expiresAt: number;
}

/**
 * Remembers tokens that verified, keyed by the whole token (signature included),
 * until their `exp` or `maxAgeMs`, whichever comes first. An HS256 check through
 * WebCrypto costs more than the rest of a proxied request or a read (the gateway
 * checks each token twice: the rate limit's key and the guard), and a client
 * repeats one token for its whole 15 minutes. Only successes are cached: a bad
 * token is checked, and refused, every time.
 */
export function cachedTokenVerifier(
  inner: AccessTokenVerifier,
  options: TokenCacheOptions = {},
): AccessTokenVerifier {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const max = options.max ?? 10_000;
  // Insertion order is age order: the first key is the oldest entry.
  const cache = new Map<string, Entry>();
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit !== undefined) {
        if (now() < hit.expiresAt) return hit.principal;
        cache.delete(token);
      }
      const principal = await inner.verify(token);
      // Verified just above, so its claims are trustworthy; the verifier required exp.
      const { exp } = decodeJwt(token);
      if (typeof exp === 'number') {
        if (cache.size >= max) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
        cache.set(token, { principal, expiresAt: Math.min(exp * 1000, now() + maxAgeMs) });
      }
      return principal;
    },
  };
}
