import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, bearer, startTestCotizador, tokens, type TestCotizador } from '../helpers/cotizador';

let cotizador: TestCotizador;
let ventas: string;
let cli001: string;
let cli002: string;
let otherQuoteId: string;

beforeAll(async () => {
  cotizador = await startTestCotizador();
  ventas = await cotizador.token(tokens.ventas);
  cli001 = await cotizador.token(tokens.cliente('CLI001'));
  cli002 = await cotizador.token(tokens.cliente('CLI002'));
  const other = await post(cli002, { clienteId: 'CLI002', productos: [{ productoId: 902, cantidad: 1 }] });
  otherQuoteId = other.json().cotizacionId;
});
afterAll(() => cotizador.close());

function post(token: string, payload: object) {
  return cotizador.app.inject({
    method: 'POST',
    url: `${API}/cotizaciones`,
    headers: bearer(token),
    payload,
  });
}
function get(token: string, url: string) {
  return cotizador.app.inject({ method: 'GET', url: `${API}${url}`, headers: bearer(token) });
}

describe('tenant and role rules', () => {
  it('ignores the precioBase and tipoCliente a CLIENTE sends', async () => {
    const response = await post(cli001, {
      clienteId: 'CLI001',
      tipoCliente: 'DISTRIBUIDOR',
      productos: [{ productoId: 901, cantidad: 50, precioBase: 1 }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ tipoCliente: 'MAYORISTA', subtotal: 5000, total: 5355 });
  });

  it('honours the precioBase of VENTAS as a negotiated price', async () => {
    const response = await post(ventas, {
      clienteId: 'CLI001',
      productos: [{ productoId: 901, cantidad: 50, precioBase: 80 }],
    });
    expect(response.json()).toMatchObject({ subtotal: 4000, descuentos: 400, impuestos: 684, total: 4284 });
    expect(response.json().productos[0].precioUnitario).toBe(80);
  });

  it('refuses with 403 a CLIENTE quoting for another customer', async () => {
    const response = await post(cli001, { clienteId: 'CLI002', productos: [{ productoId: 1, cantidad: 1 }] });
    expect(response.statusCode).toBe(403);
  });

  it("answers 404 to a CLIENTE reading another customer's quote, and its own data to the owner", async () => {
    expect((await get(cli001, `/cotizaciones/${otherQuoteId}`)).statusCode).toBe(404);
    expect((await get(cli002, `/cotizaciones/${otherQuoteId}`)).json().clienteId).toBe('CLI002');
    expect((await get(ventas, `/cotizaciones/${otherQuoteId}`)).statusCode).toBe(200);
  });

  it("answers 404 to a CLIENTE changing another customer's quote, and leaves it PENDIENTE", async () => {
    const response = await cotizador.app.inject({
      method: 'PUT',
      url: `${API}/cotizaciones/${otherQuoteId}/estado`,
      headers: bearer(cli001),
      payload: { estado: 'CANCELADA' },
    });
    expect(response.statusCode).toBe(404);
    expect((await get(ventas, `/cotizaciones/${otherQuoteId}`)).json().estado).toBe('PENDIENTE');
  });

  it('confines the quote list of a CLIENTE to its own quotes, whatever clienteId it asks for', async () => {
    const own = (await get(cli001, '/cotizaciones')).json();
    expect(own.totalElements).toBeGreaterThan(0);
    expect(own.content.every((q: { clienteId: string }) => q.clienteId === 'CLI001')).toBe(true);
    expect((await get(cli001, '/cotizaciones?clienteId=CLI002')).json()).toMatchObject({
      totalElements: 0,
      content: [],
    });
    const all = (await get(ventas, '/cotizaciones')).json();
    expect(all.totalElements).toBeGreaterThan(own.totalElements);
  });

  it('lets a CLIENTE read its own customer record only', async () => {
    expect((await get(cli001, '/clientes/CLI001')).json()).toMatchObject({
      id: 'CLI001',
      tipoCliente: 'MAYORISTA',
    });
    expect((await get(cli001, '/clientes/CLI002')).statusCode).toBe(404);
    expect((await get(cli001, '/clientes')).statusCode).toBe(403);
  });

  it('lets a CLIENTE read the catalog but not change it', async () => {
    expect((await get(cli001, '/productos/1')).statusCode).toBe(200);
    const change = await cotizador.app.inject({
      method: 'PUT',
      url: `${API}/productos/1`,
      headers: bearer(cli001),
      payload: { precio: 1 },
    });
    expect(change.statusCode).toBe(403);
  });

  it.each([
    ['COMPRAS', tokens.compras],
    ['PROVEEDOR', tokens.proveedor],
  ])('gives %s no access to cotizador resources (403)', async (_role, principal) => {
    const token = await cotizador.token(principal);
    for (const url of [
      '/productos',
      '/productos/1',
      '/clientes',
      '/cotizaciones',
      `/cotizaciones/${otherQuoteId}`,
    ])
      expect((await get(token, url)).statusCode).toBe(403);
    expect(
      (await post(token, { clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 1 }] })).statusCode,
    ).toBe(403);
    // The role is checked first: an invalid body tells them nothing of the schema.
    const invalid = await post(token, {});
    expect(invalid.statusCode).toBe(403);
    expect(invalid.json()).not.toHaveProperty('errors');
  });
});
