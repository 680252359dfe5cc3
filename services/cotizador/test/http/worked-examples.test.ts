import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, bearer, startTestCotizador, tokens, type TestCotizador } from '../helpers/cotizador';

let cotizador: TestCotizador;
let ventas: string;

beforeAll(async () => {
  cotizador = await startTestCotizador(new Date('2026-03-01T12:00:00.000Z'));
  ventas = await cotizador.token(tokens.ventas);
});
afterAll(() => cotizador.close());

async function quote(body: object, token = ventas) {
  return cotizador.app.inject({
    method: 'POST',
    url: `${API}/cotizaciones`,
    headers: bearer(token),
    payload: body,
  });
}

describe('the worked examples of DOMAIN.md, over HTTP', () => {
  it('quotes MAYORISTA 50 × 100.00 to the cent', async () => {
    const response = await quote({ clienteId: 'CLI001', productos: [{ productoId: 901, cantidad: 50 }] });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      clienteId: 'CLI001',
      tipoCliente: 'MAYORISTA',
      subtotal: 5000,
      descuentos: 500,
      impuestos: 855,
      total: 5355,
      condicionesPago: '30 días',
      estado: 'PENDIENTE',
      tiempoEntrega: 5,
      observaciones: null,
      fechaCotizacion: '2026-03-01T12:00:00.000Z',
      fechaVencimiento: '2026-03-31T12:00:00.000Z',
      productos: [
        {
          productoId: 901,
          nombre: 'Producto de prueba a 100.00',
          cantidad: 50,
          precioUnitario: 100,
          subtotal: 5000,
          disponibilidad: 'DISPONIBLE',
        },
      ],
    });
    // UUIDv7: time-ordered, so new rows append to the end of the primary-key index.
    expect(body.cotizacionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(response.headers.location).toBe(`${API}/cotizaciones/${body.cotizacionId}`);
  });

  it('numbers quotes in creation order, even within one millisecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await quote({ clienteId: 'CLI001', productos: [{ productoId: 901, cantidad: 1 }] });
      ids.push(response.json<{ cotizacionId: string }>().cotizacionId);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
  });

  it('quotes RETAIL 25 × 40.00 with the 5 % volume rate to the cent', async () => {
    const response = await quote({ clienteId: 'CLI002', productos: [{ productoId: 902, cantidad: 25 }] });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      tipoCliente: 'RETAIL',
      subtotal: 1000,
      descuentos: 50,
      impuestos: 180.5,
      total: 1130.5,
      condicionesPago: 'Pago contra entrega',
      // 10 in stock for 25 asked: partial, so the longer delivery time.
      tiempoEntrega: 15,
      productos: [{ productoId: 902, disponibilidad: 'PARCIAL' }],
    });
    expect(response.body).toContain('"impuestos":180.5,');
  });

  it('returns exactly the fields of the contract', async () => {
    const response = await quote({ clienteId: 'CLI003', productos: [{ productoId: 1, cantidad: 1 }] });
    expect(Object.keys(response.json()).sort()).toEqual(
      [
        'cotizacionId',
        'clienteId',
        'tipoCliente',
        'subtotal',
        'descuentos',
        'impuestos',
        'total',
        'fechaCotizacion',
        'fechaVencimiento',
        'estado',
        'condicionesPago',
        'tiempoEntrega',
        'observaciones',
        'productos',
      ].sort(),
    );
    expect(Object.keys(response.json().productos[0]).sort()).toEqual(
      ['productoId', 'nombre', 'cantidad', 'precioUnitario', 'subtotal', 'disponibilidad'].sort(),
    );
  });

  it('prices a catalog product at its catalog price: DISTRIBUIDOR 3 × 42900.00', async () => {
    const response = await quote({ clienteId: 'CLI003', productos: [{ productoId: 1, cantidad: 3 }] });
    // 128700.00 − 15 % (19305.00) = 109395.00; IVA 20785.05; total 130180.05
    expect(response.json()).toMatchObject({
      subtotal: 128700,
      descuentos: 19305,
      impuestos: 20785.05,
      total: 130180.05,
      condicionesPago: '45 días',
      productos: [{ nombre: 'Mouse inalámbrico Logitech M185', precioUnitario: 42900 }],
    });
  });

  it('merges repeated productoId lines by adding their quantities', async () => {
    const response = await quote({
      clienteId: 'CLI002',
      productos: [
        { productoId: 902, cantidad: 10 },
        { productoId: 901, cantidad: 1 },
        { productoId: 902, cantidad: 15 },
      ],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(
      body.productos.map((p: { productoId: number; cantidad: number }) => [p.productoId, p.cantidad]),
    ).toEqual([
      [902, 25],
      [901, 1],
    ]);
    // 26 units: the 5 % volume rate.
    expect(body).toMatchObject({ subtotal: 1100, descuentos: 55 });
  });
});
