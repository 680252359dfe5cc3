import { createHash, randomBytes } from 'node:crypto';
import type { RefreshTokenCodec } from '../../application/ports';

const PREFIX = 'arka_rt_';
// 32 random bytes in base64url are 43 characters; no dots, so it can never parse as a JWT.
const SHAPE = /^arka_rt_[A-Za-z0-9_-]{43}$/;

/**
 * Refresh tokens are 256 random bits with a recognisable prefix. Only their SHA-256
 * is stored: a leaked table holds nothing a client could present.
 */
export function createOpaqueRefreshTokenCodec(): RefreshTokenCodec {
  return {
    generate: () => PREFIX + randomBytes(32).toString('base64url'),
    digest: (token) => (SHAPE.test(token) ? createHash('sha256').update(token).digest('hex') : undefined),
  };
}
