import { createAccessTokenSigner } from '@arka/kernel';
import { generateKeyPair, SignJWT } from 'jose';
import { TEST_SECRET } from './harness';

const ISSUER = 'arka-gateway';
const AUDIENCE = 'arka-api';
const encoder = new TextEncoder();
const claims = { roles: ['ADMIN'], token_use: 'access' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function base(overrides: { iss?: string; aud?: string } = {}) {
  return new SignJWT(claims)
    .setSubject('mallory')
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt();
}

/** Every way an access token can be wrong, each of which must be answered 401. */
export async function hostileTokens(
  valid: string,
  refreshToken: string,
): Promise<[string, string | undefined][]> {
  const secret = encoder.encode(TEST_SECRET);
  const { privateKey } = await generateKeyPair('RS256');
  const [header, payload, signature] = valid.split('.');
  const tampered = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  return [
    ['no token', undefined],
    ['a malformed token', 'Bearer not-a-jwt'],
    ['a token under another scheme', `Basic ${valid}`],
    [
      'alg none',
      `Bearer ${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ ...claims, sub: 'mallory', iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600 })}.`,
    ],
    [
      'an HS512 token',
      `Bearer ${await base().setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' }).setExpirationTime('10m').sign(secret)}`,
    ],
    [
      'an RS256 token',
      `Bearer ${await base().setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' }).setExpirationTime('10m').sign(privateKey)}`,
    ],
    [
      'a token signed with a wrong key',
      `Bearer ${await base().setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setExpirationTime('10m').sign(encoder.encode('another-secret-of-at-least-32-bytes-long'))}`,
    ],
    ['a tampered payload', `Bearer ${header}.${b64({ ...tampered, roles: ['ADMIN'] })}.${signature}`],
    [
      'an expired token',
      `Bearer ${await createAccessTokenSigner({ secret: TEST_SECRET, issuer: ISSUER, audience: AUDIENCE }).sign({ subject: 'ana', roles: ['ADMIN'] }, new Date(Date.now() - 3_600_000))}`,
    ],
    [
      'a not-yet-valid token',
      `Bearer ${await base().setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setNotBefore('10m').setExpirationTime('20m').sign(secret)}`,
    ],
    [
      'a token without exp',
      `Bearer ${await base().setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(secret)}`,
    ],
    [
      'a wrong issuer',
      `Bearer ${await base({ iss: 'someone-else' }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setExpirationTime('10m').sign(secret)}`,
    ],
    [
      'a wrong audience',
      `Bearer ${await base({ aud: 'other-api' }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setExpirationTime('10m').sign(secret)}`,
    ],
    [
      'a plain JWT that is not an access token',
      `Bearer ${await base().setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime('10m').sign(secret)}`,
    ],
    ['a refresh token as a bearer token', `Bearer ${refreshToken}`],
  ];
}
