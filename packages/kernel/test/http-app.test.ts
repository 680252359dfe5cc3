import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp, type HttpApp } from '../src/http/app';
import { createLogger } from '../src/logger';
import { errors } from '../src/errors';
import { authorize } from '../src/auth/guards';
import { createAccessTokenSigner, createAccessTokenVerifier } from '../src/auth/jwt';

const jwt = { secret: 'x'.repeat(40), issuer: 'arka-gateway', audience: 'arka-api' };
let app: HttpApp;
let databaseUp = true;

beforeAll(async () => {
  app = await createHttpApp({
    logger: createLogger({ service: 'test', level: 'silent' }),
    bodyLimit: 2048,
    openapi: { title: 'Test', description: 'test app', version: '1.0.0' },
    readiness: {
      database: async () => {
        if (!databaseUp) throw new Error('connection refused');
      },
    },
  });
  app.post(
    '/items',
    {
      schema: {
        body: z.object({
          name: z.string().min(1),
          cantidad: z.number().int().min(1),
          lines: z.array(z.object({ qty: z.number().int() })).optional(),
        }),
      },
    },
    async (request) => ({ received: request.body.name }),
  );
  app.get('/items/:id', async (request) => request.params);
  app.get('/boom', async () => {
    throw new Error('secret database password in stack');
  });
  app.get('/conflict', async () => {
    throw errors.conflict('Quote is APROBADA');
  });
  app.get('/staff', { onRequest: authorize(createAccessTokenVerifier(jwt), 'ADMIN') }, async (request) => ({
    who: request.principal?.subject,
  }));
  app.post(
    '/staff/items',
    {
      onRequest: authorize(createAccessTokenVerifier(jwt), 'ADMIN'),
      schema: { body: z.object({ name: z.string().min(1) }) },
    },
    async (request) => ({ received: request.body.name }),
  );
  await app.ready();
});
afterAll(() => app.close());

/** POST /items with a raw body, as a client would send it. */
const postItem = (payload: string | Buffer, contentType = 'application/json') =>
  app.inject({ method: 'POST', url: '/items', headers: { 'content-type': contentType }, payload });

describe('the shared HTTP app', () => {
  it('lists every validation failure with field, rule and message', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { cantidad: 1.5, lines: [{ qty: 'x' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      type: expect.stringContaining('validation-failed'),
    });
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['cantidad', 'lines[0].qty', 'name']);
    for (const e of body.errors)
      expect(e).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await postItem('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, type: expect.stringContaining('malformed-body') });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { name: 'x'.repeat(5000), cantidad: 1 },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().type).toContain('payload-too-large');
  });

  it('answers an unsupported media type with 415', async () => {
    const response = await postItem('<a/>', 'text/xml');
    expect(response.statusCode).toBe(415);
    expect(response.json().detail).toBe('Content-Type text/xml is not supported; send application/json.');
  });

  it.each([
    ['a NUL character', '{"name":"a\\u0000b","cantidad":1}'],
    ['an unpaired high surrogate', '{"name":"a\\ud800c","cantidad":1}'],
    ['an unpaired low surrogate in a key', '{"name":"a","cantidad":1,"\\udc00":1}'],
  ])('refuses text with %s with 400 malformed-body', async (_case, payload) => {
    const response = await postItem(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe('https://arka.example/problems/malformed-body');
  });

  it('accepts escaped surrogate pairs (an emoji) and an escaped backslash before u0000', async () => {
    const emoji = await postItem('{"name":"ok \\ud83d\\ude00","cantidad":1}');
    const backslash = await postItem('{"name":"C:\\\\u0000","cantidad":1}');
    expect(emoji.json()).toEqual({ received: 'ok 😀' });
    expect(backslash.json()).toEqual({ received: 'C:\\u0000' });
  });

  it('refuses a body whose bytes are not UTF-8 with 400 malformed-body', async () => {
    for (const bytes of [
      [0xff, 0xfe],
      [0xed, 0xa0, 0x80],
      [0xc0, 0x80],
    ]) {
      const payload = Buffer.concat([
        Buffer.from('{"name":"a'),
        Buffer.from(bytes),
        Buffer.from('b","cantidad":1}'),
      ]);
      const response = await postItem(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toBe('The body is not valid UTF-8.');
    }
  });

  it('answers JSON declared in a charset other than UTF-8 with 415, and takes utf-8 however spelled', async () => {
    const post = (contentType: string) => postItem('{"name":"a","cantidad":1}', contentType);
    expect((await post('application/json; charset=latin1')).statusCode).toBe(415);
    expect((await post('application/json; charset="ISO-8859-1"')).statusCode).toBe(415);
    expect((await post('application/json; charset=UTF-8')).statusCode).toBe(200);
    expect((await post('application/json;charset="utf-8"')).statusCode).toBe(200);
    expect((await post('application/json')).statusCode).toBe(200);
  });

  it('answers JSON sent as text/plain with 415 too', async () => {
    const response = await postItem('{"name":"a","cantidad":1}', 'text/plain');
    expect(response.statusCode).toBe(415);
  });

  it('hides internals of a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('password');
    expect(response.json()).toMatchObject({ status: 500, detail: 'An unexpected error occurred.' });
  });

  it('maps an AppError to its status', async () => {
    const response = await app.inject({ method: 'GET', url: '/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('Quote is APROBADA');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('echoes a sane x-request-id and replaces an unsafe one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/conflict',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    expect(kept.json().requestId).toBe('abc-123');
    const replaced = await app.inject({
      method: 'GET',
      url: '/conflict',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness from its checks and 503 when a dependency is down', async () => {
    expect((await app.inject({ method: 'GET', url: '/actuator/health' })).json()).toMatchObject({
      status: 'UP',
    });
    databaseUp = false;
    const down = await app.inject({ method: 'GET', url: '/actuator/health/readiness' });
    expect(down.statusCode).toBe(503);
    expect(down.json().components.database).toMatchObject({
      status: 'DOWN',
      details: { error: 'connection refused' },
    });
    expect((await app.inject({ method: 'GET', url: '/actuator/health/liveness' })).statusCode).toBe(200);
    databaseUp = true;
  });

  it('guards routes by role: 401 without a token, 403 with the wrong role', async () => {
    expect((await app.inject({ method: 'GET', url: '/staff' })).statusCode).toBe(401);
    const signer = createAccessTokenSigner(jwt);
    const cliente = await signer.sign({ subject: 'c', roles: ['CLIENTE'], clienteId: 'CLI001' });
    expect(
      (await app.inject({ method: 'GET', url: '/staff', headers: { authorization: `Bearer ${cliente}` } }))
        .statusCode,
    ).toBe(403);
    const admin = await signer.sign({ subject: 'admin', roles: ['ADMIN'] });
    const ok = await app.inject({
      method: 'GET',
      url: '/staff',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(ok.json()).toEqual({ who: 'admin' });
  });

  it('checks the role before it parses or validates the body', async () => {
    // Prepare
    const cliente = await createAccessTokenSigner(jwt).sign({
      subject: 'c',
      roles: ['CLIENTE'],
      clienteId: 'CLI001',
    });
    const post = (body: string, authorization?: string) =>
      app.inject({
        method: 'POST',
        url: '/staff/items',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body,
      });

    // Act
    const invalidBody = await post('{}', `Bearer ${cliente}`);
    const malformedBody = await post('{"name":', `Bearer ${cliente}`);
    const anonymous = await post('{}');

    // Assess
    expect(invalidBody.statusCode).toBe(403);
    expect(invalidBody.json()).not.toHaveProperty('errors');
    expect(malformedBody.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers headers over the size limit with 431, and a URL over it with 414, problem+json on a real socket', async () => {
    // Prepare
    const address = await app.listen({ host: '127.0.0.1', port: 0 });

    // Act
    const bigHeader = await fetch(`${address}/staff`, {
      headers: { authorization: `Bearer ${'a'.repeat(20_000)}` },
    });
    const bigUrl = await fetch(`${address}/staff?q=${'a'.repeat(20_000)}`);

    // Assess
    expect(bigHeader.status).toBe(431);
    expect(bigHeader.headers.get('content-type')).toContain('application/problem+json');
    expect(await bigHeader.json()).toMatchObject({
      type: 'https://arka.example/problems/headers-too-large',
      status: 431,
    });
    expect(bigUrl.status).toBe(414);
    expect(bigUrl.headers.get('content-type')).toContain('application/problem+json');
    expect(await bigUrl.json()).toMatchObject({
      type: 'https://arka.example/problems/uri-too-long',
      status: 414,
    });
  });

  it('answers a path parameter over the length limit with 414 and a short detail', async () => {
    // Act
    const response = await app.inject({ method: 'GET', url: `/items/${'a'.repeat(5_000)}` });

    // Assess
    expect(response.statusCode).toBe(414);
    expect(response.json()).toMatchObject({ type: 'https://arka.example/problems/uri-too-long' });
    expect(response.json().detail).not.toContain('aaaa');
    expect(response.json().instance.length).toBeLessThanOrEqual(257);
    expect(response.body.length).toBeLessThan(1_000);
  });

  it('keeps the path it echoes in a 404 short', async () => {
    const response = await app.inject({ method: 'GET', url: `/nowhere/${'b'.repeat(10_000)}` });
    expect(response.statusCode).toBe(404);
    expect(response.body.length).toBeLessThan(1_000);
  });

  it('serves an OpenAPI document generated from the routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths['/items'].post.requestBody).toBeDefined();
  });
});
