import { describe, expect, it } from 'vitest';
import {
  cachedTokenVerifier,
  createAccessTokenSigner,
  createAccessTokenVerifier,
  errors,
  type AccessTokenVerifier,
} from '../src/index';

const JWT = {
  secret: 'a-test-secret-of-at-least-32-characters!',
  issuer: 'arka-gateway',
  audience: 'arka-api',
};

function counting(inner: AccessTokenVerifier) {
  const calls = { n: 0 };
  return {
    calls,
    verifier: {
      verify: (token: string) => {
        calls.n += 1;
        return inner.verify(token);
      },
    },
  };
}

describe('the cached token verifier', () => {
  it('verifies a token once and reuses the principal while it is fresh', async () => {
    const token = await createAccessTokenSigner(JWT).sign({ subject: 'v', roles: ['VENTAS'] });
    const { calls, verifier } = counting(createAccessTokenVerifier(JWT));
    const cached = cachedTokenVerifier(verifier);

    expect(await cached.verify(token)).toEqual({ subject: 'v', roles: ['VENTAS'] });
    expect(await cached.verify(token)).toEqual({ subject: 'v', roles: ['VENTAS'] });
    expect(calls.n).toBe(1);
  });

  it('checks again after maxAgeMs, and never trusts a token past its exp', async () => {
    const issued = new Date();
    const token = await createAccessTokenSigner(JWT, 120).sign({ subject: 'v', roles: ['VENTAS'] }, issued);
    const { calls, verifier } = counting(createAccessTokenVerifier(JWT));
    let now = issued.getTime();
    const cached = cachedTokenVerifier(verifier, { maxAgeMs: 60_000, now: () => now });
    await cached.verify(token);
    now += 59_000;
    await cached.verify(token);
    expect(calls.n).toBe(1);
    now += 2_000;
    await cached.verify(token);
    expect(calls.n).toBe(2);
    // exp is issued + 120 s: the cached entry may not outlive it even with a long maxAge.
    const longLived = cachedTokenVerifier(verifier, { maxAgeMs: 3_600_000, now: () => now });
    await longLived.verify(token);
    const before = calls.n;
    now = issued.getTime() + 119_000;
    await longLived.verify(token);
    expect(calls.n).toBe(before);
    now = issued.getTime() + 120_000;
    await longLived.verify(token);
    expect(calls.n).toBe(before + 1);
  });

  it('does not cache failures', async () => {
    let n = 0;
    const cached = cachedTokenVerifier({
      verify: async () => {
        n += 1;
        throw errors.unauthorized();
      },
    });

    await expect(cached.verify('a.b.c')).rejects.toMatchObject({ status: 401 });
    await expect(cached.verify('a.b.c')).rejects.toMatchObject({ status: 401 });
    expect(n).toBe(2);
  });

  it('serves only the exact token it verified: another signature is checked, and refused', async () => {
    const token = await createAccessTokenSigner(JWT).sign({ subject: 'v', roles: ['VENTAS'] });
    const cached = cachedTokenVerifier(createAccessTokenVerifier(JWT));
    await cached.verify(token);
    const [header, payload, signature = ''] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

    await expect(cached.verify(forged)).rejects.toMatchObject({ status: 401 });
  });

  it('remembers at most `max` tokens, forgetting the oldest first', async () => {
    const signer = createAccessTokenSigner(JWT);
    const [first, second, third] = await Promise.all(
      ['a', 'b', 'c'].map((subject) => signer.sign({ subject, roles: ['VENTAS'] })),
    );
    const { calls, verifier } = counting(createAccessTokenVerifier(JWT));
    const cached = cachedTokenVerifier(verifier, { max: 2 });
    for (const token of [first, second, third]) await cached.verify(token ?? '');

    await cached.verify(third ?? '');
    await cached.verify(second ?? '');
    expect(calls.n).toBe(3);
    await cached.verify(first ?? '');
    expect(calls.n).toBe(4);
  });
});
