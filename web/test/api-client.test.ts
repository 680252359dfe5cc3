import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiClient } from '../src/api/client';
import { ApiError } from '../src/api/problem';
import { memoryTokenStore } from '../src/api/token-store';
import { fakeGateway, json, problem, tokenPair } from './helpers/fake-gateway';
import { CLIENTE1, fakeAccessToken } from './helpers/tokens';

const ok = z.object({ ok: z.boolean() });
const first = fakeAccessToken(CLIENTE1);
const second = fakeAccessToken({ ...CLIENTE1, sub: 'cliente1-refreshed' });

/** Answers 401 to any token but `valid`, like the gateway after expiry. */
const protectedRoute = (valid: () => string) => (call: { headers: Readonly<Record<string, string>> }) =>
  call.headers.authorization === `Bearer ${valid()}` ? json(200, { ok: true }) : problem(401, 'expired');

describe('ApiClient', () => {
  it('logs in, keeps the refresh token in the store and sends the access token as a bearer', async () => {
    const store = memoryTokenStore();
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'GET /api/x': protectedRoute(() => first),
    });
    const client = new ApiClient({ store, fetch: gw.fetch });

    const claims = await client.login('cliente1', 'secret');
    const answer = await client.request('GET', '/api/x', ok);

    expect(claims).toMatchObject({ sub: 'cliente1', roles: ['CLIENTE'], clienteId: 'CLI001' });
    expect(store.read()).toBe('refresh-1');
    expect(gw.callsTo('POST', '/auth/login')[0]?.body).toEqual({ username: 'cliente1', password: 'secret' });
    expect(answer).toEqual({ ok: true });
  });

  it('refreshes before a call when the access token is about to expire', async () => {
    let now = 1_000_000;
    let current = first;
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first, 'refresh-1', 60),
      'POST /auth/refresh': () => ((current = second), tokenPair(second, 'refresh-2')),
      'GET /api/x': protectedRoute(() => current),
    });
    const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch, now: () => now });
    await client.login('cliente1', 'secret');

    now += 45_000; // 15 s left: inside the 30 s margin
    await client.request('GET', '/api/x', ok);

    expect(gw.callsTo('POST', '/auth/refresh').map((c) => c.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(gw.callsTo('GET', '/api/x')[0]?.headers.authorization).toBe(`Bearer ${second}`);
  });

  it('refreshes once after a 401 and retries the call with the new token', async () => {
    let current = 'revoked-by-server';
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'POST /auth/refresh': () => ((current = second), tokenPair(second, 'refresh-2')),
      'GET /api/x': protectedRoute(() => current),
    });
    const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch });
    await client.login('cliente1', 'secret');

    const answer = await client.request('GET', '/api/x', ok);

    expect(answer).toEqual({ ok: true });
    expect(gw.callsTo('POST', '/auth/refresh')).toHaveLength(1);
    expect(gw.callsTo('GET', '/api/x').map((c) => c.headers.authorization)).toEqual([
      `Bearer ${first}`,
      `Bearer ${second}`,
    ]);
  });

  it('runs a single refresh for calls that fail together, so the refresh token is never presented twice', async () => {
    let current = 'revoked-by-server';
    let release: () => void = () => undefined;
    const refreshed = new Promise<void>((resolve) => (release = resolve));
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'POST /auth/refresh': async () => {
        await refreshed;
        current = second;
        return tokenPair(second, 'refresh-2');
      },
      'GET /api/a': protectedRoute(() => current),
      'GET /api/b': protectedRoute(() => current),
      'GET /api/c': protectedRoute(() => current),
    });
    const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch });
    await client.login('cliente1', 'secret');

    const all = Promise.all(['/api/a', '/api/b', '/api/c'].map((p) => client.request('GET', p, ok)));
    await new Promise((r) => setTimeout(r, 0));
    release();
    const answers = await all;

    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(gw.callsTo('POST', '/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused, telling its listeners', async () => {
    const store = memoryTokenStore();
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'POST /auth/refresh': () => problem(401, 'refresh token revoked'),
      'GET /api/x': () => problem(401, 'expired'),
    });
    const client = new ApiClient({ store, fetch: gw.fetch });
    await client.login('cliente1', 'secret');
    const seen: unknown[] = [];
    client.subscribe((claims) => seen.push(claims));

    const failure = await client.request('GET', '/api/x', ok).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(client.claims).toBeUndefined();
    expect(store.read()).toBeUndefined();
    expect(seen).toEqual([undefined]);
  });

  it('revokes the refresh token on logout and forgets both tokens', async () => {
    const store = memoryTokenStore();
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'POST /auth/logout': () => ({ status: 204 }),
    });
    const client = new ApiClient({ store, fetch: gw.fetch });
    await client.login('cliente1', 'secret');

    await client.logout();

    expect(gw.callsTo('POST', '/auth/logout').map((c) => c.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(client.claims).toBeUndefined();
    expect(store.read()).toBeUndefined();
  });

  it('forgets the tokens on logout even when the gateway cannot be reached', async () => {
    const store = memoryTokenStore();
    const gw = fakeGateway({ 'POST /auth/login': () => tokenPair(first) });
    const client = new ApiClient({ store, fetch: gw.fetch });
    await client.login('cliente1', 'secret');

    await expect(client.logout()).rejects.toThrow();

    expect(client.claims).toBeUndefined();
    expect(store.read()).toBeUndefined();
  });

  it('restores a session from a stored refresh token', async () => {
    const gw = fakeGateway({ 'POST /auth/refresh': () => tokenPair(first, 'refresh-2') });
    const store = memoryTokenStore('refresh-stored');
    const client = new ApiClient({ store, fetch: gw.fetch });

    const claims = await client.restore();

    expect(claims?.sub).toBe('cliente1');
    expect(gw.callsTo('POST', '/auth/refresh')[0]?.body).toEqual({ refreshToken: 'refresh-stored' });
    expect(store.read()).toBe('refresh-2');
  });

  it('turns a problem+json into an ApiError carrying its field errors', async () => {
    const errors = [{ field: 'productos[0].cantidad', rule: 'too_small', message: 'must be >= 1' }];
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'POST /api/x': () => problem(400, 'invalid', errors),
    });
    const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch });
    await client.login('cliente1', 'secret');

    const failure = await client.request('POST', '/api/x', ok, { a: 1 }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).fieldErrors).toEqual(errors);
  });

  it('refuses an answer that does not match the expected schema', async () => {
    const gw = fakeGateway({
      'POST /auth/login': () => tokenPair(first),
      'GET /api/x': () => json(200, { ok: 'yes' }),
    });
    const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch });
    await client.login('cliente1', 'secret');

    await expect(client.request('GET', '/api/x', ok)).rejects.toThrow(/forma esperada/);
  });

  it('refuses a login whose access token carries no readable claims', async () => {
    const gw = fakeGateway({ 'POST /auth/login': () => tokenPair('not-a-jwt') });
    const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch });

    await expect(client.login('x', 'y')).rejects.toThrow(/token de acceso/);
    expect(client.claims).toBeUndefined();
  });
});
