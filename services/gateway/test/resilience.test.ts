import { request as httpRequest } from 'node:http';
import { createAccessTokenSigner } from '@arka/kernel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './helpers/fake-upstream';
import { buildTestGateway, TEST_SECRET, type TestGateway } from './helpers/harness';

const signer = createAccessTokenSigner({ secret: TEST_SECRET, issuer: 'arka-gateway', audience: 'arka-api' });
const bearer = async (subject = 'ventas') => `Bearer ${await signer.sign({ subject, roles: ['VENTAS'] })}`;
const PATH = '/api/v1/cotizador/cotizaciones';

/** A GET whose path is sent exactly as written, as `curl --path-as-is` does. */
function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('upstream failures', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });
  async function gatewayFor(
    upstream: FakeUpstream | string,
    env: Record<string, string> = {},
  ): Promise<TestGateway> {
    const url = typeof upstream === 'string' ? upstream : upstream.url;
    const gateway = await buildTestGateway({ env: { COTIZADOR_URL: url, ...env } });
    cleanup.push(() => gateway.close());
    return gateway;
  }
  async function upstream(setup: Parameters<typeof startFakeUpstream>[0]): Promise<FakeUpstream> {
    const started = await startFakeUpstream(setup);
    cleanup.push(() => started.close());
    return started;
  }

  it('answers 504 problem+json when the upstream does not answer in time', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await upstream((app) => {
      app.get(PATH, async () => {
        await held;
        return { late: true };
      });
    });
    cleanup.push(async () => release());
    const gateway = await gatewayFor(slow, { UPSTREAM_TIMEOUT_MS: '100' });

    const response = await gateway.app.inject({
      method: 'GET',
      url: PATH,
      headers: { authorization: await bearer() },
    });

    expect(response.statusCode).toBe(504);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: 'https://arka.example/problems/upstream-timeout',
      status: 504,
    });
  });

  it('answers 502 problem+json when the upstream cannot be reached', async () => {
    const gateway = await gatewayFor('http://127.0.0.1:9');

    const response = await gateway.app.inject({
      method: 'GET',
      url: PATH,
      headers: { authorization: await bearer() },
    });

    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ type: 'https://arka.example/problems/upstream-unreachable' });
  });

  it('opens the circuit after failures (503 while open), then closes it after a good half-open probe', async () => {
    let failing = true;
    const flaky = await upstream((app) => {
      app.get(PATH, async (_request, reply) =>
        failing ? reply.code(503).send({ down: true }) : { up: true },
      );
    });
    const gateway = await gatewayFor(flaky, {
      BREAKER_VOLUME_THRESHOLD: '2',
      BREAKER_ERROR_THRESHOLD_PERCENT: '50',
      BREAKER_RESET_TIMEOUT_MS: '200',
    });
    const headers = { authorization: await bearer() };
    const get = () => gateway.app.inject({ method: 'GET', url: PATH, headers });

    // The upstream's own 503s are relayed as they are, and counted.
    expect((await get()).json()).toEqual({ down: true });
    expect((await get()).json()).toEqual({ down: true });
    const open = await get();
    expect(open.statusCode).toBe(503);
    expect(open.headers['retry-after']).toBe('1');
    expect(open.json()).toMatchObject({ type: 'https://arka.example/problems/circuit-open' });

    failing = false;
    await vi.waitFor(async () => expect((await get()).statusCode).toBe(200), {
      timeout: 5_000,
      interval: 50,
    });
    expect((await get()).statusCode).toBe(200);
  });

  it.each([
    ['a ".." segment', '/api/v1/cotizador/../x', 'malformed-path'],
    ['an encoded ".." segment', '/api/v1/cotizador/cotizaciones/%2e%2e/%2e%2e/x', 'malformed-path'],
    ['a ".." in the query', `${PATH}?q=..%2F..%2Fsecret`, 'malformed-path'],
    ['a malformed percent-encoding', `${PATH}/%E0%A4%A`, 'bad-url'],
  ])('answers %s with 400 and never lets it open the circuit', async (_, url, problem) => {
    let reached = 0;
    const healthy = await upstream((app) => {
      app.get('/*', async () => {
        reached += 1;
        return { up: true };
      });
    });
    const gateway = await gatewayFor(healthy, {
      BREAKER_VOLUME_THRESHOLD: '2',
      BREAKER_ERROR_THRESHOLD_PERCENT: '50',
    });
    const headers = { authorization: await bearer() };
    // Over a real socket: inject() would normalise the path before the gateway sees it.
    const origin = await gateway.app.listen({ host: '127.0.0.1', port: 0 });

    for (let attempt = 0; attempt < 6; attempt += 1) {
      const refused = await rawGet(origin, url, headers);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({ type: `https://arka.example/problems/${problem}` });
    }
    const afterwards = await gateway.app.inject({ method: 'GET', url: PATH, headers });

    expect(afterwards.statusCode).toBe(200);
    expect(reached).toBe(1);
  });

  it('keeps one upstream breaker apart from the other', async () => {
    const gateway = await gatewayFor('http://127.0.0.1:9', { BREAKER_VOLUME_THRESHOLD: '1' });
    const headers = { authorization: await bearer() };
    await gateway.app.inject({ method: 'GET', url: PATH, headers });

    const other = await gateway.app.inject({
      method: 'GET',
      url: '/api/v1/gestor-solicitudes/solicitudes',
      headers,
    });

    expect(other.json()).toMatchObject({ type: 'https://arka.example/problems/upstream-unreachable' });
  });
});

describe('rate limit, CORS and security headers', () => {
  let gateway: TestGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('answers 429 problem+json with Retry-After once a client used its quota', async () => {
    gateway = await buildTestGateway({ env: { RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' } });
    const login = () =>
      gateway?.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'a', password: 'b' } });
    await login();
    await login();

    const limited = await login();

    expect(limited?.statusCode).toBe(429);
    expect(limited?.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.json()).toMatchObject({ type: 'https://arka.example/problems/rate-limited' });
  });

  it.each([
    [
      'behind the trusted load balancer, each client address has its own quota',
      '10.0.0.0/16',
      '10.0.3.10',
      200,
    ],
    ['with no trusted proxy, a forged X-Forwarded-For does not escape the quota', '', '10.0.3.10', 429],
    [
      'from outside the trusted network, a forged X-Forwarded-For does not escape the quota',
      '10.0.0.0/16',
      '192.0.2.50',
      429,
    ],
  ])('%s', async (_, cidrs, peer, secondStatus) => {
    gateway = await buildTestGateway({
      env: { RATE_LIMIT_MAX: '1', TRUSTED_PROXY_CIDRS: cidrs, TRUSTED_PROXY_HOPS: '2' },
    });
    const login = (client: string) =>
      gateway?.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'a', password: 'b' },
        remoteAddress: peer,
        headers: { 'x-forwarded-for': `${client}, 130.176.0.1` },
      });
    await login('203.0.113.7');

    expect((await login('198.51.100.9'))?.statusCode === 429 ? 429 : 200).toBe(secondStatus);
  });

  it('counts clients by their token subject, not their shared address', async () => {
    gateway = await buildTestGateway({ env: { RATE_LIMIT_MAX: '1' } });
    const get = async (subject: string) =>
      gateway?.app.inject({ method: 'GET', url: PATH, headers: { authorization: await bearer(subject) } });
    await get('ana');

    expect((await get('ana'))?.statusCode).toBe(429);
    expect((await get('bruno'))?.statusCode).not.toBe(429);
  });

  it('never throttles the health probes', async () => {
    gateway = await buildTestGateway({ env: { RATE_LIMIT_MAX: '1' } });
    await gateway.app.inject({ method: 'GET', url: '/actuator/health/liveness' });

    expect((await gateway.app.inject({ method: 'GET', url: '/actuator/health/liveness' })).statusCode).toBe(
      200,
    );
  });

  const preflight = (origin: string) =>
    gateway?.app.inject({
      method: 'OPTIONS',
      url: PATH,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });

  it('allows a configured origin', async () => {
    gateway = await buildTestGateway({
      env: { CORS_ORIGINS: 'https://shop.example, https://admin.example' },
    });

    const response = await preflight('https://admin.example');

    expect(response?.statusCode).toBe(204);
    expect(response?.headers['access-control-allow-origin']).toBe('https://admin.example');
  });

  it.each([
    ['an origin that is not configured', 'https://shop.example'],
    ['any origin when none is configured', ''],
  ])('denies %s', async (_case, configured) => {
    gateway = await buildTestGateway({ env: configured ? { CORS_ORIGINS: configured } : {} });

    const response = await preflight('https://evil.example');

    expect(response?.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers', async () => {
    gateway = await buildTestGateway();

    const response = await gateway.app.inject({ method: 'GET', url: '/actuator/health/liveness' });

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
