import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/adapters/http/security-headers';
import { buildTestGateway, type TestGateway } from './helpers/harness';

describe('security headers', () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'arka-console-headers-'));
  let gateway: TestGateway;
  let withConsole: TestGateway;
  beforeAll(async () => {
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Arka</title>');
    gateway = await buildTestGateway();
    withConsole = await buildTestGateway({ env: { CONSOLE_DIR: consoleDir } });
  });
  afterAll(async () => {
    await gateway.close();
    await withConsole.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it.each([
    ['a health probe', 'GET', '/actuator/health/liveness', 200],
    ['an unknown route', 'GET', '/nowhere', 404],
    ['a proxied route without a token', 'GET', '/api/v1/cotizador/cotizaciones', 401],
    ['a failed login', 'POST', '/auth/login', 400],
    ['the web console', 'GET', '/', 200],
  ] as const)('are sent on %s', async (_case, method, url, status) => {
    const app = url === '/' ? withConsole.app : gateway.app;
    const response = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });

    expect(response.statusCode).toBe(status);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    // The gateway may run on plain HTTP locally.
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });

  it('are worked out once, and refuse directives that would differ per request', () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } },
      }),
    ).toThrow(/per request/);
  });
});
