import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, bearer, startTestCotizador, tokens, type TestCotizador } from '../helpers/cotizador';

let cotizador: TestCotizador;
let ventas: string;
let cliente: string;

beforeAll(async () => {
  cotizador = await startTestCotizador();
  ventas = await cotizador.token(tokens.ventas);
  cliente = await cotizador.token(tokens.cliente('CLI001'));
});
afterAll(() => cotizador.close());

function request(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token = ventas) {
  return cotizador.app.inject({
    method,
    url: `${API}${url}`,
    headers: bearer(token),
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('productos', () => {
  it('lists the seeded catalog in file order, paginated', async () => {
    const first = (await request('GET', '/productos?size=2', undefined, cliente)).json();
    expect(first).toMatchObject({ page: 0, size: 2, totalElements: 49, totalPages: 25 });
    expect(first.content[0]).toEqual({
      id: 1,
      sku: 'MOU-LOG-M185',
      nombre: 'Mouse inalámbrico Logitech M185',
      categoria: 'Mouse',
      precio: 42900,
      stock: 340,
      activo: true,
    });
  });

  it('searches nombre and sku without regard to ASCII case, with % and _ taken literally', async () => {
    const byName = (await request('GET', '/productos?q=logitech&size=100')).json();
    expect(byName.totalElements).toBeGreaterThan(1);
    expect(
      byName.content.every((p: { nombre: string; sku: string }) => /logitech|LOG/i.test(p.nombre + p.sku)),
    ).toBe(true);
    expect(
      (await request('GET', '/productos?q=mou-log-m185')).json().content.map((p: { id: number }) => p.id),
    ).toEqual([1]);
    expect((await request('GET', '/productos?q=%25')).json().totalElements).toBe(0);
  });

  it('filters by categoria', async () => {
    const mice = (await request('GET', '/productos?categoria=Mouse&size=100')).json();
    expect(mice.totalElements).toBeGreaterThan(0);
    expect(mice.content.every((p: { categoria: string }) => p.categoria === 'Mouse')).toBe(true);
  });

  it('creates a product for VENTAS, with exact cents, and refuses a duplicate sku with 409', async () => {
    const created = await request('POST', '/productos', {
      sku: 'NEW-1',
      nombre: 'Nuevo',
      categoria: 'Mouse',
      precio: 19990.1,
      stock: 3,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ sku: 'NEW-1', precio: 19990.1, activo: true });
    const id = created.json().id;
    expect((await request('GET', `/productos/${id}`)).json().precio).toBe(19990.1);
    const again = await request('POST', '/productos', {
      sku: 'NEW-1',
      nombre: 'Otro',
      categoria: 'Mouse',
      precio: 1,
      stock: 1,
    });
    expect(again.statusCode).toBe(409);
  });

  it('quotes at the changed price right after a change, and refuses a product made inactive', async () => {
    const quoteProduct2 = () =>
      request('POST', '/cotizaciones', { clienteId: 'CLI001', productos: [{ productoId: 2, cantidad: 1 }] });
    expect((await quoteProduct2()).json().productos[0].precioUnitario).toBe(459900);
    const changed = await request('PUT', '/productos/2', { precio: 449900.5, stock: 0 });
    expect(changed.json()).toMatchObject({ id: 2, precio: 449900.5, stock: 0, activo: true });
    expect((await quoteProduct2()).json().productos[0]).toMatchObject({
      precioUnitario: 449900.5,
      disponibilidad: 'SIN_STOCK',
    });
    expect((await request('PUT', '/productos/2', { activo: false })).json().activo).toBe(false);
    expect((await quoteProduct2()).statusCode).toBe(422);
    expect((await request('PUT', '/productos/2', { activo: true })).json().activo).toBe(true);
    expect((await quoteProduct2()).statusCode).toBe(201);
  });

  it('answers 404 for an unknown product, 400 for an empty or unknown change, 422 for an inexact price', async () => {
    expect((await request('PUT', '/productos/99999', { stock: 1 })).statusCode).toBe(404);
    expect((await request('PUT', '/productos/1', {})).statusCode).toBe(400);
    expect((await request('PUT', '/productos/1', { color: 'rojo' })).statusCode).toBe(400);
    expect((await request('PUT', '/productos/1', { precio: 1e14 })).statusCode).toBe(422);
  });
});

describe('clientes', () => {
  it('lists the demo customers for staff', async () => {
    const list = (await request('GET', '/clientes')).json();
    expect(list.content.map((c: { id: string; tipoCliente: string }) => [c.id, c.tipoCliente])).toEqual([
      ['CLI001', 'MAYORISTA'],
      ['CLI002', 'RETAIL'],
      ['CLI003', 'DISTRIBUIDOR'],
    ]);
    expect(list.content[0]).toMatchObject({
      email: 'compras@cliente1.example',
      telefono: expect.stringMatching(/^\+\d+$/),
    });
  });

  it('creates and changes a customer; a new quote takes the changed tipoCliente', async () => {
    const created = await request('POST', '/clientes', {
      id: 'CLI010',
      nombre: 'Nuevo Cliente',
      tipoCliente: 'RETAIL',
      email: 'c10@cliente.example',
      telefono: '+573009998877',
    });
    expect(created.statusCode).toBe(201);
    expect((await request('POST', '/clientes', created.json())).statusCode).toBe(409);
    const before = await request('POST', '/cotizaciones', {
      clienteId: 'CLI010',
      productos: [{ productoId: 901, cantidad: 1 }],
    });
    expect(before.json()).toMatchObject({ tipoCliente: 'RETAIL', descuentos: 0 });
    expect(
      (await request('PUT', '/clientes/CLI010', { tipoCliente: 'DISTRIBUIDOR' })).json().tipoCliente,
    ).toBe('DISTRIBUIDOR');
    const quote = await request('POST', '/cotizaciones', {
      clienteId: 'CLI010',
      productos: [{ productoId: 901, cantidad: 1 }],
    });
    expect(quote.json()).toMatchObject({
      tipoCliente: 'DISTRIBUIDOR',
      descuentos: 15,
      condicionesPago: '45 días',
    });
  });

  it.each([
    ['an unknown tipoCliente', { tipoCliente: 'VIP' }],
    ['a phone that is not E.164', { telefono: '300 123 4567' }],
    ['a malformed email', { email: 'no-arroba' }],
  ])('400 for %s', async (_name, change) => {
    const response = await request('POST', '/clientes', {
      id: 'CLI011',
      nombre: 'X',
      tipoCliente: 'RETAIL',
      email: 'x@cliente.example',
      telefono: '+573001112233',
      ...change,
    });
    expect(response.statusCode).toBe(400);
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await request('GET', '/clientes/CLI404')).statusCode).toBe(404);
    expect((await request('PUT', '/clientes/CLI404', { nombre: 'X' })).statusCode).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('describes every cotizador route', async () => {
    const doc = (await cotizador.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        `${API}/productos`,
        `${API}/productos/{id}`,
        `${API}/clientes`,
        `${API}/clientes/{id}`,
        `${API}/cotizaciones`,
        `${API}/cotizaciones/{id}`,
        `${API}/cotizaciones/{id}/estado`,
      ]),
    );
  });
});
