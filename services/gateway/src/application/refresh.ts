import { judgeRefreshToken } from '../domain/refresh-token';
import type { Clock, RefreshTokenRepository, UserRepository } from './ports';
import { issuePair, type TokenIssuing, type TokenPair } from './token-pair';

export type RefreshRejection = 'unknown' | 'expired' | 'reused' | 'revoked' | 'user-gone';

export type RefreshResult =
  | { readonly kind: 'issued'; readonly tokens: TokenPair }
  | { readonly kind: 'rejected'; readonly reason: RefreshRejection };

export interface RefreshDeps extends TokenIssuing {
  readonly users: UserRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly clock: Clock;
}

export type Refresh = (refreshToken: string) => Promise<RefreshResult>;

export function createRefresh(deps: RefreshDeps): Refresh {
  return async (refreshToken) => {
    const tokenHash = deps.refreshCodec.digest(refreshToken);
    if (tokenHash === undefined) return { kind: 'rejected', reason: 'unknown' };
    const stored = await deps.refreshTokens.findByHash(tokenHash);
    if (!stored) return { kind: 'rejected', reason: 'unknown' };

    const now = deps.clock();
    const verdict = judgeRefreshToken(stored, now);
    if (verdict === 'reused') {
      await deps.refreshTokens.revokeFamily(stored.familyId, now);
      return { kind: 'rejected', reason: 'reused' };
    }
    if (verdict !== 'usable') return { kind: 'rejected', reason: verdict };

    const user = await deps.users.findById(stored.userId);
    if (!user) return { kind: 'rejected', reason: 'user-gone' };

    const { pair, stored: successor } = await issuePair(deps, user, now, {
      familyId: stored.familyId,
      parentHash: tokenHash,
    });
    // Losing the race means another request spent this token a moment ago: a reuse.
    if (!(await deps.refreshTokens.rotate(tokenHash, successor))) {
      await deps.refreshTokens.revokeFamily(stored.familyId, now);
      return { kind: 'rejected', reason: 'reused' };
    }
    return { kind: 'issued', tokens: pair };
  };
}
