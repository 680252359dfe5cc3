import { createAccessTokenVerifier } from '@arka/kernel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addUser,
  buildTestGateway,
  login,
  TEST_PASSWORD,
  TEST_SECRET,
  type TestGateway,
} from './helpers/harness';

const verifier = createAccessTokenVerifier({
  secret: TEST_SECRET,
  issuer: 'arka-gateway',
  audience: 'arka-api',
});

describe('auth endpoints', () => {
  let gateway: TestGateway;
  beforeEach(async () => {
    gateway = await buildTestGateway();
    await addUser(gateway, { username: 'cliente1', role: 'CLIENTE', clienteId: 'CLI001' });
  });
  afterEach(() => gateway.close());

  const refresh = (refreshToken: string) =>
    gateway.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });

  it('issues an access token with the user role and customer binding, and an opaque refresh token', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'cliente1', password: TEST_PASSWORD },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(body.refreshToken).toMatch(/^arka_rt_[A-Za-z0-9_-]{43}$/);
    expect(await verifier.verify(body.accessToken)).toEqual({
      subject: 'cliente1',
      roles: ['CLIENTE'],
      clienteId: 'CLI001',
    });
  });

  it('accepts identifier in place of username, case-insensitively', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { identifier: 'Cliente1', password: TEST_PASSWORD },
    });

    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['a wrong password', { username: 'cliente1', password: 'wrong password' }],
    ['an unknown username', { username: 'nobody', password: TEST_PASSWORD }],
  ])('answers 401 problem+json for %s', async (_case, payload) => {
    const response = await gateway.app.inject({ method: 'POST', url: '/auth/login', payload });

    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'https://arka.example/problems/invalid-credentials' });
  });

  it('answers 400 naming the field when neither username nor identifier is given', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { password: 'x' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'username' })]);
  });

  it('rotates the refresh token: the new pair works, the old token is spent', async () => {
    const first = await login(gateway.app, 'cliente1');

    const rotated = await refresh(first.refreshToken);

    expect(rotated.statusCode).toBe(200);
    const second = rotated.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await verifier.verify(second.accessToken)).subject).toBe('cliente1');
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    const first = await login(gateway.app, 'cliente1');
    const second = (await refresh(first.refreshToken)).json();

    const reuse = await refresh(first.refreshToken);

    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({ type: 'https://arka.example/problems/invalid-refresh-token' });
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const first = await login(gateway.app, 'cliente1');

    const answers = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);

    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
  });

  it('logs out with 204, after which the refresh token and its family are refused', async () => {
    const first = await login(gateway.app, 'cliente1');
    const second = (await refresh(first.refreshToken)).json();

    const logout = await gateway.app.inject({
      method: 'POST',
      url: '/auth/logout',
      payload: { refreshToken: second.refreshToken },
    });

    expect(logout.statusCode).toBe(204);
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
  });

  it('keeps other sessions of the same user alive after one logs out', async () => {
    const laptop = await login(gateway.app, 'cliente1');
    const phone = await login(gateway.app, 'cliente1');

    await gateway.app.inject({
      method: 'POST',
      url: '/auth/logout',
      payload: { refreshToken: laptop.refreshToken },
    });

    expect((await refresh(phone.refreshToken)).statusCode).toBe(200);
  });

  it('refuses an access token presented as a refresh token', async () => {
    const { accessToken } = await login(gateway.app, 'cliente1');

    expect((await refresh(accessToken)).statusCode).toBe(401);
  });
});
