import { createServer, type AddressInfo, type Server } from 'node:net';
import { createAccessTokenSigner } from '@arka/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoRoutes, startFakeUpstream, type FakeUpstream } from './helpers/fake-upstream';
import { buildTestGateway, TEST_SECRET, type TestGateway } from './helpers/harness';

const signer = createAccessTokenSigner({ secret: TEST_SECRET, issuer: 'arka-gateway', audience: 'arka-api' });
const BODY_LIMIT = 2 * 1024 * 1024;
/** Longer than the answers the gateway reads whole: this one streams through. */
const LONG_ANSWER = Buffer.alloc(300 * 1024);
for (let i = 0; i < LONG_ANSWER.length; i++) LONG_ANSWER[i] = (i * 7 + 3) % 256;

describe('proxy to the upstream services', () => {
  let cotizador: FakeUpstream;
  let gestor: FakeUpstream;
  let gateway: TestGateway;
  let bearer: string;

  beforeAll(async () => {
    cotizador = await startFakeUpstream((app) => {
      echoRoutes('/api/v1/cotizador')(app);
      app.get('/api/v1/cotizador/cotizaciones/rechazada', async (_request, reply) =>
        reply
          .code(409)
          .header('content-type', 'application/problem+json')
          .header('proxy-authenticate', 'Basic realm="upstream"')
          .header('x-upstream-note', 'kept')
          .send('{"type":"https://arka.example/problems/conflict","status":409,"detail":"Está APROBADA"}'),
      );
      app.get('/api/v1/cotizador/hop', async (_request, reply) =>
        reply.header('connection', 'keep-alive, x-upstream-hop').header('x-upstream-hop', 'local').send({}),
      );
      app.get('/api/v1/cotizador/larga', async (_request, reply) =>
        reply.header('content-type', 'application/octet-stream').send(LONG_ANSWER),
      );
      app.delete('/api/v1/cotizador/vacia', async (_request, reply) => reply.code(204).send());
    });
    gestor = await startFakeUpstream(echoRoutes('/api/v1/gestor-solicitudes'));
    gateway = await buildTestGateway({
      env: {
        COTIZADOR_URL: cotizador.url,
        GESTOR_SOLICITUDES_URL: gestor.url,
        BODY_LIMIT_BYTES: String(BODY_LIMIT),
      },
    });
    bearer = `Bearer ${await signer.sign({ subject: 'ventas', roles: ['VENTAS'] })}`;
  });
  afterAll(async () => {
    await gateway.close();
    await cotizador.close();
    await gestor.close();
  });

  const send = (options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: Buffer;
    headers?: Record<string, string>;
  }) =>
    gateway.app.inject({
      method: options.method,
      url: options.url,
      headers: { authorization: bearer, ...options.headers },
      ...(options.body ? { payload: options.body } : {}),
    });

  it.each([
    ['cotizador', 'POST', '/api/v1/cotizador/cotizaciones'],
    ['cotizador', 'PUT', '/api/v1/cotizador/cotizaciones/42/estado?nuevoEstado=APROBADA'],
    ['cotizador', 'DELETE', '/api/v1/cotizador/productos/7'],
    ['gestor-solicitudes', 'PATCH', '/api/v1/gestor-solicitudes/solicitudes/9'],
    [
      'gestor-solicitudes',
      'GET',
      '/api/v1/gestor-solicitudes/solicitudes?estado=ENVIADA&proveedorId=PROV001&page=0&size=5',
    ],
  ] as const)('forwards %s %s %s with its path and query unchanged', async (_upstream, method, url) => {
    const response = await send({ method, url });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ method, url });
  });

  it('forwards a JSON body byte for byte, multi-byte UTF-8 and odd spacing included', async () => {
    const body = Buffer.from(
      '{ "observaciones":"Año, ñandú, 東京, 🚀, \\u00e9" ,\n\t"productos":[ ] }',
      'utf8',
    );

    const response = await send({
      method: 'POST',
      url: '/api/v1/cotizador/cotizaciones',
      body,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });

    const echoed = response.json();
    expect(Buffer.from(echoed.body, 'base64').equals(body)).toBe(true);
    expect(echoed.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('forwards a large non-JSON body byte for byte', async () => {
    const body = Buffer.alloc(BODY_LIMIT - 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) % 256;

    const response = await send({
      method: 'POST',
      url: '/api/v1/gestor-solicitudes/adjuntos',
      body,
      headers: { 'content-type': 'application/octet-stream' },
    });

    expect(response.statusCode).toBe(200);
    expect(Buffer.from(response.json().body, 'base64').equals(body)).toBe(true);
  });

  it('answers 413 problem+json for a body over the limit', async () => {
    const response = await send({
      method: 'POST',
      url: '/api/v1/cotizador/cotizaciones',
      body: Buffer.alloc(BODY_LIMIT + 1, 0x20),
      headers: { 'content-type': 'application/json' },
    });

    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('forwards the Authorization header and the x-request-id', async () => {
    const response = await send({
      method: 'GET',
      url: '/api/v1/cotizador/cotizaciones',
      headers: { 'x-request-id': 'req-123' },
    });

    const { headers } = response.json();
    expect(headers.authorization).toBe(bearer);
    expect(headers['x-request-id']).toBe('req-123');
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('gives a request without an id one, and sends the same id upstream', async () => {
    const response = await send({ method: 'GET', url: '/api/v1/cotizador/cotizaciones' });

    expect(response.json().headers['x-request-id']).toBe(response.headers['x-request-id']);
  });

  it('drops hop-by-hop headers and those named in Connection', async () => {
    const response = await send({
      method: 'GET',
      url: '/api/v1/cotizador/cotizaciones',
      headers: {
        connection: 'keep-alive, x-hop-secret',
        'x-hop-secret': 'do not forward',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic Zm9vOmJhcg==',
        te: 'trailers',
        'x-end-to-end': 'forward me',
      },
    });

    const { headers } = response.json();
    expect(headers).not.toHaveProperty('x-hop-secret');
    expect(headers).not.toHaveProperty('keep-alive');
    expect(headers).not.toHaveProperty('proxy-authorization');
    expect(headers).not.toHaveProperty('te');
    expect(headers['x-end-to-end']).toBe('forward me');
  });

  it("relays the upstream's status, problem body and end-to-end headers unchanged, without hop-by-hop ones", async () => {
    const response = await send({ method: 'GET', url: '/api/v1/cotizador/cotizaciones/rechazada' });

    expect(response.statusCode).toBe(409);
    const direct = await fetch(`${cotizador.url}/api/v1/cotizador/cotizaciones/rechazada`);
    expect(response.headers['content-type']).toBe(direct.headers.get('content-type'));
    expect(response.body).toBe(
      '{"type":"https://arka.example/problems/conflict","status":409,"detail":"Está APROBADA"}',
    );
    expect(response.headers['x-upstream-note']).toBe('kept');
    expect(response.headers).not.toHaveProperty('proxy-authenticate');
  });

  it('drops the headers the answer names in its Connection header', async () => {
    const response = await send({ method: 'GET', url: '/api/v1/cotizador/hop' });

    expect(response.statusCode).toBe(200);
    expect(response.headers).not.toHaveProperty('x-upstream-hop');
  });

  it('relays a long answer byte for byte', async () => {
    const response = await send({ method: 'GET', url: '/api/v1/cotizador/larga' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(LONG_ANSWER.length));
    expect(response.rawPayload.equals(LONG_ANSWER)).toBe(true);
  });

  it("answers HEAD with the upstream's headers and no body", async () => {
    const response = await gateway.app.inject({
      method: 'HEAD',
      url: '/api/v1/cotizador/larga',
      headers: { authorization: bearer },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(LONG_ANSWER.length));
    expect(response.rawPayload.length).toBe(0);
  });

  it('relays a 204 without a body', async () => {
    const response = await send({ method: 'DELETE', url: '/api/v1/cotizador/vacia' });

    expect(response.statusCode).toBe(204);
    expect(response.rawPayload.length).toBe(0);
  });

  it('forwards a body the client announced with Expect: 100-continue', async () => {
    const body = Buffer.from('{"productos":[]}');

    const response = await send({
      method: 'POST',
      url: '/api/v1/cotizador/cotizaciones',
      body,
      headers: { 'content-type': 'application/json', expect: '100-continue' },
    });

    expect(response.statusCode).toBe(200);
    expect(Buffer.from(response.json().body, 'base64').equals(body)).toBe(true);
  });

  it('answers 401 itself, without calling the upstream, when no token comes', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/v1/cotizador/cotizaciones' });

    expect(response.statusCode).toBe(401);
    expect(response.json()).not.toHaveProperty('method');
  });
});

describe('an upstream that speaks HTTP/1.1 its own way', () => {
  let server: Server;
  let gateway: TestGateway;
  beforeAll(async () => {
    // An informational 103 before the answer, as a CDN or a framework may send.
    server = createServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 103 Early Hints\r\nlink: </app.css>; rel=preload\r\n\r\n');
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}',
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    gateway = await buildTestGateway({ env: { COTIZADOR_URL: `http://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await gateway.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('relays the final answer after an informational one', async () => {
    const bearer = `Bearer ${await signer.sign({ subject: 'ventas', roles: ['VENTAS'] })}`;

    const response = await gateway.app.inject({
      method: 'GET',
      url: '/api/v1/cotizador/cotizaciones',
      headers: { authorization: bearer },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });
});
