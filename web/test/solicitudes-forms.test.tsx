// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Proveedor, Solicitud } from '../src/api/solicitudes-schemas';
import { EnvioPage } from '../src/features/solicitudes/envio-page';
import { RespuestaForm } from '../src/features/solicitudes/respuesta-form';
import { axeViolations } from './helpers/axe';
import { page } from './helpers/catalog';
import { fakeGateway, json, problem } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { COMPRAS } from './helpers/tokens';

const proveedor = (id: string, nombre: string, activo = true): Proveedor => ({
  id,
  nombre,
  categoria: 'Periféricos',
  email: `${id.toLowerCase()}@example.com`,
  telefono: '+573001234567',
  activo,
});
const PROVEEDORES = [
  proveedor('PROV001', 'TecnoPartes'),
  proveedor('PROV002', 'Andina'),
  proveedor('PROV009', 'Cerrado', false),
];
const SOLICITUD: Solicitud = {
  id: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  proveedorId: 'PROV001',
  tipoSolicitud: 'COTIZACION',
  prioridad: 'MEDIA',
  estado: 'ENVIADA',
  productos: [{ productoId: 'MOU-1', nombreProducto: 'Mouse', cantidadSolicitada: 10, urgente: false }],
  fechaCreacion: '2026-12-03T11:00:00.000Z',
  fechaActualizacion: '2026-12-03T11:00:00.000Z',
};
const PROVEEDOR1 = { sub: 'proveedor1', roles: ['PROVEEDOR' as const], proveedorId: 'PROV001' };
const errorsOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('bulk request form', () => {
  async function filled(routes: Parameters<typeof fakeGateway>[0]) {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'GET /api/v1/gestor-solicitudes/proveedores': () => json(200, page(PROVEEDORES)),
      ...routes,
    });
    await renderSignedIn(<EnvioPage />, gw.fetch, COMPRAS);
    await user.click(await screen.findByLabelText(/\(PROV001\)/));
    await user.click(screen.getByLabelText(/\(PROV002\)/));
    await user.type(screen.getByLabelText('Código del producto 1'), 'MOU-1');
    await user.type(screen.getByLabelText('Nombre del producto 1'), 'Mouse');
    return { user, gw };
  }

  it('offers only active suppliers', async () => {
    const gw = fakeGateway({
      'GET /api/v1/gestor-solicitudes/proveedores': () => json(200, page(PROVEEDORES)),
    });
    await renderSignedIn(<EnvioPage />, gw.fetch, COMPRAS);

    await screen.findByLabelText(/\(PROV001\)/);
    expect(screen.queryByLabelText(/\(PROV009\)/)).toBeNull();
  });

  it('sends one request to every chosen supplier in one call, then opens the comparison', async () => {
    const { user, gw } = await filled({
      'POST /api/v1/gestor-solicitudes/solicitudes/multiple': () =>
        json(201, { grupoId: 'g-1', total: 2, solicitudes: [] }),
    });

    await user.click(screen.getByRole('button', { name: 'Enviar a 2 proveedor(es)' }));

    await waitFor(() => expect(window.location.hash).toBe('#/solicitudes/grupos/g-1'));
    const call = gw.callsTo('POST', '/api/v1/gestor-solicitudes/solicitudes/multiple')[0];
    expect(call?.url).toBe('/api/v1/gestor-solicitudes/solicitudes/multiple?proveedorIds=PROV001%2CPROV002');
    expect(call?.body).toEqual({
      tipoSolicitud: 'COTIZACION',
      prioridad: 'MEDIA',
      productos: [{ productoId: 'MOU-1', nombreProducto: 'Mouse', cantidadSolicitada: 1 }],
    });
  });

  it('shows the suppliers the API refuses beside the supplier list, and line errors beside the line', async () => {
    const { user } = await filled({
      'POST /api/v1/gestor-solicitudes/solicitudes/multiple': () =>
        problem(422, 'Nothing was created; inactive suppliers: PROV002.', [
          { field: 'proveedorIds', rule: 'active', message: 'PROV002 is not active' },
          {
            field: 'productos[0].cantidadSolicitada',
            rule: 'too_big',
            message: 'Too big: expected number to be <=1000000',
          },
        ]),
    });

    await user.click(screen.getByRole('button', { name: 'Enviar a 2 proveedor(es)' }));

    expect(await screen.findByText('Revise los campos marcados.')).toBeTruthy();
    expect(errorsOf('proveedorIds')).toBe('No está activo.');
    expect(errorsOf('productos[0].cantidadSolicitada')).toBe('Too big: expected number to be <=1000000');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('asks for a supplier and the product fields before sending', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'GET /api/v1/gestor-solicitudes/proveedores': () => json(200, page(PROVEEDORES)),
    });
    await renderSignedIn(<EnvioPage />, gw.fetch, COMPRAS);
    await screen.findByLabelText(/\(PROV001\)/);

    await user.click(screen.getByRole('button', { name: 'Enviar a 0 proveedor(es)' }));

    expect(errorsOf('proveedorIds')).toBe('Elija al menos un proveedor.');
    expect(errorsOf('productos[0].productoId')).toBe('Indique el código del producto.');
    expect(gw.callsTo('POST', '/api/v1/gestor-solicitudes/solicitudes/multiple')).toHaveLength(0);
  });
});

describe('supplier answer form', () => {
  it('does not turn empty price or lead time into zeros', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({});
    await renderSignedIn(
      <RespuestaForm solicitud={SOLICITUD} onAnswered={() => undefined} />,
      gw.fetch,
      PROVEEDOR1,
    );

    await user.click(screen.getByRole('button', { name: 'Enviar oferta' }));

    expect(errorsOf('precioOfertado')).toBe('Indique el precio ofertado.');
    expect(errorsOf('tiempoEntrega')).toBe('Indique los días de entrega (un número entero).');
    expect(gw.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/respuestas'))).toHaveLength(0);
  });

  it('sends the offer for its own request', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'POST /api/v1/gestor-solicitudes/respuestas': (call) =>
        json(201, { id: 'r1', fechaRespuesta: '2026-12-03T12:00:00Z', ...(call.body as object) }),
    });
    await renderSignedIn(
      <RespuestaForm solicitud={SOLICITUD} onAnswered={() => undefined} />,
      gw.fetch,
      PROVEEDOR1,
    );

    await user.type(screen.getByLabelText('Precio ofertado (COP)'), '95000.50');
    await user.type(screen.getByLabelText('Tiempo de entrega (días)'), '8');
    await user.type(screen.getByLabelText('Garantía'), '12 meses');
    await user.click(screen.getByRole('button', { name: 'Enviar oferta' }));

    expect(await screen.findByText('Su oferta fue enviada.')).toBeTruthy();
    expect(gw.callsTo('POST', '/api/v1/gestor-solicitudes/respuestas')[0]?.body).toEqual({
      solicitudId: SOLICITUD.id,
      proveedorId: 'PROV001',
      estado: 'ACEPTADA',
      precioOfertado: 95000.5,
      tiempoEntrega: 8,
      garantia: '12 meses',
    });
  });

  it('shows the price and lead-time errors beside their fields', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'POST /api/v1/gestor-solicitudes/respuestas': () =>
        problem(400, 'invalid', [
          { field: 'precioOfertado', rule: 'custom', message: 'must be greater than 0 unless RECHAZADA' },
          { field: 'tiempoEntrega', rule: 'invalid_type', message: 'expected number, received null' },
        ]),
    });
    await renderSignedIn(
      <RespuestaForm solicitud={SOLICITUD} onAnswered={() => undefined} />,
      gw.fetch,
      PROVEEDOR1,
    );
    await user.type(screen.getByLabelText('Precio ofertado (COP)'), '0');
    await user.type(screen.getByLabelText('Tiempo de entrega (días)'), '3');

    await user.click(screen.getByRole('button', { name: 'Enviar oferta' }));

    expect(await screen.findByText('must be greater than 0 unless RECHAZADA')).toBeTruthy();
    expect(errorsOf('precioOfertado')).toBe('must be greater than 0 unless RECHAZADA');
    expect(errorsOf('tiempoEntrega')).toBe('expected number, received null');
    expect(screen.getByLabelText('Precio ofertado (COP)').getAttribute('aria-describedby')).toBe(
      'precioOfertado-error',
    );
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
