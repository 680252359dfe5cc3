import { randomUUID } from 'node:crypto';
import { principalOfUser, type User } from '../domain/user';
import type { AccessTokenIssuer, NewRefreshToken, RefreshTokenCodec } from './ports';

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds the access token lives. */
  readonly expiresIn: number;
}

export interface TokenIssuing {
  readonly accessTokens: AccessTokenIssuer;
  readonly refreshCodec: RefreshTokenCodec;
  readonly refreshTtlSeconds: number;
}

/** An access token and the refresh token that will replace it, with the row to store. */
export async function issuePair(
  issuing: TokenIssuing,
  user: User,
  now: Date,
  family: { readonly familyId?: string; readonly parentHash?: string } = {},
): Promise<{ pair: TokenPair; stored: NewRefreshToken }> {
  const refreshToken = issuing.refreshCodec.generate();
  const tokenHash = issuing.refreshCodec.digest(refreshToken);
  if (tokenHash === undefined) throw new Error('the refresh token codec rejected its own token');
  const accessToken = await issuing.accessTokens.sign(principalOfUser(user), now);
  return {
    pair: { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: issuing.accessTokens.ttlSeconds },
    stored: {
      tokenHash,
      familyId: family.familyId ?? randomUUID(),
      userId: user.id,
      ...(family.parentHash ? { parentHash: family.parentHash } : {}),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + issuing.refreshTtlSeconds * 1000),
    },
  };
}
