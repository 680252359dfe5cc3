/**
 * Refresh tokens are opaque, single-use and grouped in families: a login starts a
 * family, each refresh spends one token and issues its successor in the same
 * family. Presenting a spent token means it was copied, so the whole family dies.
 */
export interface StoredRefreshToken {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly userId: string;
  readonly parentHash?: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly spentAt?: Date;
  readonly familyRevokedAt?: Date;
}

export type RefreshTokenVerdict = 'usable' | 'expired' | 'reused' | 'revoked';

export function judgeRefreshToken(token: StoredRefreshToken, now: Date): RefreshTokenVerdict {
  if (token.familyRevokedAt) return 'revoked';
  if (token.spentAt) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}
