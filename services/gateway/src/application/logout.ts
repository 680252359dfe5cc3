import type { Clock, RefreshTokenCodec, RefreshTokenRepository } from './ports';

export type Logout = (refreshToken: string) => Promise<void>;

/** Ends the session the refresh token belongs to. Unknown tokens are ignored: logging out twice is fine. */
export function createLogout(deps: {
  readonly refreshTokens: RefreshTokenRepository;
  readonly refreshCodec: RefreshTokenCodec;
  readonly clock: Clock;
}): Logout {
  return async (refreshToken) => {
    const tokenHash = deps.refreshCodec.digest(refreshToken);
    if (tokenHash === undefined) return;
    const stored = await deps.refreshTokens.findByHash(tokenHash);
    if (stored) await deps.refreshTokens.revokeFamily(stored.familyId, deps.clock());
  };
}
