import type { AccessTokenVerifier, Principal } from '@arka/kernel';
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';

export interface TokenCacheOptions {
  /** Distinct tokens remembered. @default 10000 */
  readonly max?: number;
  /** Longest a verification is reused, and never past the token's `exp`. @default 60 s */
  readonly maxAgeMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Remembers tokens that verified, keyed by the whole token (signature included),
 * until their `exp` or `maxAgeMs`, whichever comes first. An HS256 check through
 * WebCrypto costs more than the rest of a read; a client repeats one token for its
 * whole 15 minutes. Only successes are cached: a bad token is checked every time.
 */
export function cachedTokenVerifier(
  inner: AccessTokenVerifier,
  options: TokenCacheOptions = {},
): AccessTokenVerifier {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const cache = new LRUCache<string, { principal: Principal; expiresAt: number }>({
    max: options.max ?? 10_000,
  });
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit && now() < hit.expiresAt) return hit.principal;
      const principal = await inner.verify(token);
      // Verified just above, so its claims are trustworthy; the verifier required exp.
      const { exp } = decodeJwt(token);
      if (typeof exp === 'number')
        cache.set(token, { principal, expiresAt: Math.min(exp * 1000, now() + maxAgeMs) });
      return principal;
    },
  };
}
