import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  BODY_LIMIT,
  bearer,
  startTestCotizador,
  tokens,
  type TestCotizador,
} from '../helpers/cotizador';

let cotizador: TestCotizador;
let ventas: string;

beforeAll(async () => {
  cotizador = await startTestCotizador();
  ventas = await cotizador.token(tokens.ventas);
});
afterAll(() => cotizador.close());

const valid = { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 1 }] };
const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ productoId: (i % 45) + 1, cantidad: 1 }));

async function post(payload: unknown, headers: Record<string, string> = {}) {
  return cotizador.app.inject({
    method: 'POST',
    url: `${API}/cotizaciones`,
    headers: { ...bearer(ventas), ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    ...(typeof payload === 'string'
      ? {}
      : { headers: { ...bearer(ventas), 'content-type': 'application/json', ...headers } }),
  });
}

function expectProblem(response: Awaited<ReturnType<typeof post>>, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(response.body).not.toMatch(/\bat .+\.ts:\d+/);
  return body;
}

describe('bad quote requests answer 4xx problem+json, never 500', () => {
  it.each([
    [
      'a string cantidad',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: '2' }] },
      'productos[0].cantidad',
    ],
    ['a missing clienteId', { productos: [{ productoId: 1, cantidad: 1 }] }, 'clienteId'],
    ['a missing productos', { clienteId: 'CLI001' }, 'productos'],
    ['a missing cantidad', { clienteId: 'CLI001', productos: [{ productoId: 1 }] }, 'productos[0].cantidad'],
    [
      'a zero cantidad',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 0 }] },
      'productos[0].cantidad',
    ],
    [
      'a negative cantidad',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: -3 }] },
      'productos[0].cantidad',
    ],
    [
      'a fractional cantidad',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 1.5 }] },
      'productos[0].cantidad',
    ],
    [
      'a cantidad over 100000',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 100_001 }] },
      'productos[0].cantidad',
    ],
    ['no lines', { clienteId: 'CLI001', productos: [] }, 'productos'],
    ['101 lines', { clienteId: 'CLI001', productos: lines(101) }, 'productos'],
    [
      'a fractional productoId',
      { clienteId: 'CLI001', productos: [{ productoId: 1.5, cantidad: 1 }] },
      'productos[0].productoId',
    ],
    [
      'a string productoId',
      { clienteId: 'CLI001', productos: [{ productoId: 'MOU-1', cantidad: 1 }] },
      'productos[0].productoId',
    ],
    [
      'a precioBase with three decimals',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 1, precioBase: 1.005 }] },
      'productos[0].precioBase',
    ],
    [
      'a negative precioBase',
      { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 1, precioBase: -1 }] },
      'productos[0].precioBase',
    ],
    [
      'a malformed clienteId',
      { clienteId: 'CLI 001; drop', productos: [{ productoId: 1, cantidad: 1 }] },
      'clienteId',
    ],
    ['an array body', [valid], 'body'],
  ])('400 for %s', async (_name, payload, field) => {
    const body = expectProblem(await post(payload), 400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('accepts exactly 100 lines', async () => {
    expect((await post({ clienteId: 'CLI001', productos: lines(100) })).statusCode).toBe(201);
  });

  it('400 for malformed JSON', async () => {
    const body = expectProblem(
      await post('{"clienteId": "CLI001", ', { 'content-type': 'application/json' }),
      400,
    );
    expect(body.type).toContain('malformed-body');
  });

  it('413 for a body over the size limit', async () => {
    const payload = { ...valid, observaciones: 'x'.repeat(BODY_LIMIT + 1) };
    expectProblem(await post(payload), 413);
  });

  it('415 for a body that is not JSON', async () => {
    expectProblem(await post('<cotizacion/>', { 'content-type': 'application/xml' }), 415);
  });

  it('422 naming every unknown or inactive product', async () => {
    const body = expectProblem(
      await post({
        clienteId: 'CLI001',
        productos: [
          { productoId: 1, cantidad: 1 },
          { productoId: 99_999, cantidad: 1 },
          { productoId: 903, cantidad: 1 },
          { productoId: 88_888, cantidad: 2 },
        ],
      }),
      422,
    );
    expect(body.detail).toContain('99999');
    expect(body.detail).toContain('903');
    expect(body.detail).toContain('88888');
    expect(body.errors).toEqual([
      { field: 'productos[1].productoId', rule: 'exists', message: 'Producto 99999 does not exist' },
      { field: 'productos[2].productoId', rule: 'active', message: 'Producto 903 is not active' },
      { field: 'productos[3].productoId', rule: 'exists', message: 'Producto 88888 does not exist' },
    ]);
  });

  it('422 for an unknown customer', async () => {
    const body = expectProblem(await post({ ...valid, clienteId: 'CLI999' }), 422);
    expect(body.errors).toEqual([
      { field: 'clienteId', rule: 'exists', message: 'Cliente CLI999 does not exist' },
    ]);
  });

  it('422 when repeated lines add up to more than 100000 units', async () => {
    const body = expectProblem(
      await post({
        clienteId: 'CLI001',
        productos: [
          { productoId: 1, cantidad: 60_000 },
          { productoId: 1, cantidad: 40_001 },
        ],
      }),
      422,
    );
    expect(body.errors[0]).toMatchObject({ field: 'productos[0].productoId', rule: 'max' });
  });

  it('422 rather than a silent rounding when an amount is too large to represent exactly', async () => {
    const body = expectProblem(
      await post({
        clienteId: 'CLI001',
        productos: [{ productoId: 1, cantidad: 100_000, precioBase: 99_999_999_999.99 }],
      }),
      422,
    );
    expect(body.detail).toMatch(/too large/);
  });

  it('400 for an unknown estado in the list filter', async () => {
    const response = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones?estado=ABIERTA`,
      headers: bearer(ventas),
    });
    expect(expectProblem(response, 400).errors[0].field).toBe('estado');
  });

  it('400 for a page size over 100 or a negative page', async () => {
    for (const query of ['size=101', 'page=-1', 'size=abc']) {
      const response = await cotizador.app.inject({
        method: 'GET',
        url: `${API}/cotizaciones?${query}`,
        headers: bearer(ventas),
      });
      expectProblem(response, 400);
    }
  });

  it('400 for an unknown estado in a state change', async () => {
    const response = await cotizador.app.inject({
      method: 'PUT',
      url: `${API}/cotizaciones/7d1c2b9e-6a43-4b8e-9a55-0f1e2d3c4b5a/estado?nuevoEstado=CERRADA`,
      headers: bearer(ventas),
    });
    expectProblem(response, 400);
  });

  it('400 for a malformed quote id in the path', async () => {
    for (const id of ['123', 'not-a-uuid', '7d1c2b9e-6a43-4b8e-9a55-0f1e2d3c4b5']) {
      const response = await cotizador.app.inject({
        method: 'GET',
        url: `${API}/cotizaciones/${id}`,
        headers: bearer(ventas),
      });
      expect(expectProblem(response, 400).errors[0].field).toBe('id');
    }
  });

  it('400 for a malformed product id in the path', async () => {
    for (const id of ['abc', '1.5', '0', '-1', '99999999999']) {
      const response = await cotizador.app.inject({
        method: 'GET',
        url: `${API}/productos/${id}`,
        headers: bearer(ventas),
      });
      expectProblem(response, 400);
    }
  });

  it('404 for a well-formed id that does not exist', async () => {
    const response = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones/7d1c2b9e-6a43-4b8e-9a55-0f1e2d3c4b5a`,
      headers: bearer(ventas),
    });
    expectProblem(response, 404);
  });

  it('401 without a token and with a token signed by another key', async () => {
    expectProblem(
      await cotizador.app.inject({ method: 'POST', url: `${API}/cotizaciones`, payload: valid }),
      401,
    );
    const forged = `${ventas.slice(0, -4)}AAAA`;
    expectProblem(await post(valid, bearer(forged)), 401);
  });

  it('writes no quote and no outbox message when the request fails', async () => {
    const before = await cotizador.outboxRows();
    await post({ ...valid, clienteId: 'CLI999' });
    await post({ clienteId: 'CLI001', productos: [{ productoId: 99_999, cantidad: 1 }] });
    expect(await cotizador.outboxRows()).toEqual(before);
  });
});
