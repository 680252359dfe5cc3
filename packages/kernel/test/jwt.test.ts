import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccessTokenSigner, createAccessTokenVerifier } from '../src/auth/jwt';
import { resolveJwtSecret } from '../src/auth/jwt-secret';
import { ConfigError } from '../src/config';
import { AppError } from '../src/errors';

const settings = { secret: 'a'.repeat(32) + '-test-secret', issuer: 'arka-gateway', audience: 'arka-api' };
const key = new TextEncoder().encode(settings.secret);
const verifier = createAccessTokenVerifier(settings);
const principal = { subject: 'cliente1', roles: ['CLIENTE'] as const, clienteId: 'CLI001' };

function base(claims: Record<string, unknown> = {}) {
  return new SignJWT({ roles: ['CLIENTE'], clienteId: 'CLI001', token_use: 'access', ...claims })
    .setSubject('cliente1')
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt();
}

async function rejects(token: string): Promise<void> {
  const error = await verifier.verify(token).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(401);
}

describe('access token verification', () => {
  it('accepts a token from the signer and returns its principal', async () => {
    const token = await createAccessTokenSigner(settings).sign({ ...principal, roles: ['CLIENTE'] });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'cliente1',
      roles: ['CLIENTE'],
      clienteId: 'CLI001',
    });
  });

  it('rejects alg none', async () => {
    const token = new UnsecuredJWT({ roles: ['ADMIN'], token_use: 'access' })
      .setSubject('x')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    await rejects(token);
  });

  it('rejects an HS512 token signed with the right secret', async () => {
    await rejects(
      await base().setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' }).setExpirationTime('5m').sign(key),
    );
  });

  it('rejects an RS256 token', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await rejects(
      await base()
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
        .setExpirationTime('5m')
        .sign(privateKey),
    );
  });

  it('rejects a token signed with another key', async () => {
    const other = new TextEncoder().encode('b'.repeat(40));
    await rejects(
      await base().setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setExpirationTime('5m').sign(other),
    );
  });

  it('rejects a tampered payload', async () => {
    const token = await createAccessTokenSigner(settings).sign({ ...principal, roles: ['CLIENTE'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url');
    await rejects(`${header}.${forged}.${signature}`);
  });

  it('rejects an expired token', async () => {
    const past = new Date(Date.now() - 3_600_000);
    await rejects(
      await createAccessTokenSigner(settings, 60).sign({ ...principal, roles: ['CLIENTE'] }, past),
    );
  });

  it('rejects a token that is not valid yet', async () => {
    await rejects(
      await base()
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setNotBefore('10m')
        .setExpirationTime('20m')
        .sign(key),
    );
  });

  it('rejects a token without exp', async () => {
    await rejects(await base().setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(key));
  });

  it.each([
    ['issuer', { issuer: 'someone-else' }],
    ['audience', { audience: 'another-api' }],
  ])('rejects a token with the wrong %s', async (_, override) => {
    const signer = createAccessTokenSigner({ ...settings, ...override });
    await rejects(await signer.sign({ ...principal, roles: ['CLIENTE'] }));
  });

  it('rejects a refresh token used as an access token', async () => {
    await rejects(
      await base({ token_use: 'refresh' })
        .setProtectedHeader({ alg: 'HS256', typ: 'rt+jwt' })
        .setExpirationTime('5m')
        .sign(key),
    );
    await rejects(
      await base({ token_use: 'refresh' })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setExpirationTime('5m')
        .sign(key),
    );
  });

  it('rejects a token with an unknown role', async () => {
    await rejects(
      await base({ roles: ['ROOT'] })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setExpirationTime('5m')
        .sign(key),
    );
  });
});

describe('resolveJwtSecret', () => {
  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => resolveJwtSecret({ given: 'short', embedded: true, dataDir: '/nonexistent' })).toThrow(
      ConfigError,
    );
  });

  it('refuses a missing secret outside the embedded mode', () => {
    expect(() => resolveJwtSecret({ embedded: false, dataDir: '/nonexistent' })).toThrow(/JWT_SECRET/);
  });

  it('generates one secret into the data directory in the embedded mode and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arka-jwt-'));
    try {
      const first = resolveJwtSecret({ embedded: true, dataDir: dir });
      expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
      expect(resolveJwtSecret({ embedded: true, dataDir: dir })).toBe(first);
      expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
