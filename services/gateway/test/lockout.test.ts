import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, buildTestGateway, manualClock, TEST_PASSWORD, type TestGateway } from './helpers/harness';

describe('failed login throttling and lockout', () => {
  let gateway: TestGateway;
  const clock = manualClock();
  beforeEach(async () => {
    gateway = await buildTestGateway({ clock: clock.now });
    await addUser(gateway, { username: 'ventas', role: 'VENTAS' });
  });
  afterEach(() => gateway.close());

  const attempt = (username: string, password: string) =>
    gateway.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });

  async function failTimes(username: string, times: number, gapMs: number) {
    for (let i = 0; i < times; i++) {
      expect((await attempt(username, 'wrong password')).statusCode).toBe(401);
      clock.advance(gapMs);
    }
  }

  it.each(['ventas', 'no-such-user'])('answers the first three failures for %s at once', async (username) => {
    await failTimes(username, 3, 0);
  });

  it.each(['ventas', 'no-such-user'])(
    'makes %s wait after three failures (429 with Retry-After)',
    async (username) => {
      await failTimes(username, 3, 0);

      const throttled = await attempt(username, 'wrong password');

      expect(throttled.statusCode).toBe(429);
      expect(throttled.headers['retry-after']).toBe('1');
      expect(throttled.json()).toMatchObject({ type: 'https://arka.example/problems/login-throttled' });
    },
  );

  it('doubles the wait with each further failure', async () => {
    await failTimes('ventas', 3, 1_000);
    expect((await attempt('ventas', 'wrong password')).statusCode).toBe(401);

    const throttled = await attempt('ventas', 'wrong password');

    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
  });

  it.each(['ventas', 'no-such-user'])(
    'locks %s for 15 minutes after five failures, even for the right password',
    async (username) => {
      await failTimes(username, 5, 5_000);

      const locked = await attempt(username, TEST_PASSWORD);

      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBe(15 * 60 - 5);
      expect(locked.json()).toMatchObject({ type: 'https://arka.example/problems/login-locked' });
    },
  );

  it('lets the right password in once the lock has run out', async () => {
    await failTimes('ventas', 5, 5_000);
    clock.advance(15 * 60 * 1_000);

    expect((await attempt('ventas', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('starts counting again after a successful login', async () => {
    await failTimes('ventas', 2, 0);
    expect((await attempt('ventas', TEST_PASSWORD)).statusCode).toBe(200);

    await failTimes('ventas', 3, 0);
  });

  it('counts one username apart from another', async () => {
    await failTimes('no-such-user', 5, 5_000);

    expect((await attempt('ventas', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not let a parallel burst of guesses past the count', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => attempt('ventas', 'wrong password')));

    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(5);
  });
});
