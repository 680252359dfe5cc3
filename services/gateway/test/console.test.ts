import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestGateway, testConfig, type TestGateway } from './helpers/harness';

describe('the web console served at /', () => {
  let gateway: TestGateway;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'arka-console-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Arka</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("arka")');
    gateway = await buildTestGateway({ env: { CONSOLE_DIR: root } });
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / without a token', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('<div id="root">');
  });

  it('serves the hashed assets', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('arka');
  });

  it('keeps the API guarded and answering problem+json', async () => {
    const api = await gateway.app.inject({ method: 'GET', url: '/api/v1/cotizador/cotizaciones' });
    expect(api.statusCode).toBe(401);
    const unknownApi = await gateway.app.inject({ method: 'GET', url: '/auth/nothing-here' });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses a CONSOLE_DIR that is not absolute', () => {
    expect(() => testConfig({ CONSOLE_DIR: 'web/dist' })).toThrow(/CONSOLE_DIR/);
  });
});
