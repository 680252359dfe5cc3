// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuoteBuilder } from '../src/features/cotizaciones/quote-builder';
import { axeViolations } from './helpers/axe';
import { COTIZACION_MAYORISTA, MOUSE, page, TECLADO } from './helpers/catalog';
import { fakeGateway, json, problem } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { CLIENTE1, VENTAS } from './helpers/tokens';

const catalog = () => json(200, page([MOUSE, TECLADO]));

async function withLines(routes: Parameters<typeof fakeGateway>[0] = {}) {
  const user = userEvent.setup();
  const gw = fakeGateway({ 'GET /api/v1/cotizador/productos': catalog, ...routes });
  await renderSignedIn(<QuoteBuilder />, gw.fetch, CLIENTE1);
  await user.click(await screen.findByRole('button', { name: `Agregar ${MOUSE.nombre}` }));
  return { user, gw };
}

const errorsOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('quote builder', () => {
  it('quotes for the signed-in customer and lists the chosen products with their stock', async () => {
    await withLines();

    expect(screen.getByText('CLI001')).toBeTruthy();
    expect(screen.queryByLabelText('Cliente (código)')).toBeNull();
    const cantidad = screen.getByLabelText(`Cantidad de ${MOUSE.nombre}`);
    expect(cantidad).toHaveProperty('value', '1');
    expect(document.getElementById('productos[0].cantidad-hint')?.textContent).toBe(
      'Stock: 340 · disponible',
    );
  });

  it('judges the quantity as it is typed, beside the field', async () => {
    const { user } = await withLines();
    const cantidad = screen.getByLabelText(`Cantidad de ${MOUSE.nombre}`);

    await user.clear(cantidad);
    await user.type(cantidad, '0');
    const afterZero = errorsOf('productos[0].cantidad');
    await user.type(cantidad, '.5');
    const afterFraction = errorsOf('productos[0].cantidad');
    await user.clear(cantidad);
    await user.type(cantidad, '100001');
    const afterTooMany = errorsOf('productos[0].cantidad');
    await user.clear(cantidad);
    await user.type(cantidad, '500');

    expect(afterZero).toBe('La cantidad mínima es 1.');
    expect(afterFraction).toBe('La cantidad debe ser un número entero.');
    expect(afterTooMany).toBe('La cantidad máxima es 100.000.');
    expect(errorsOf('productos[0].cantidad')).toBeUndefined();
    expect(document.getElementById('productos[0].cantidad-hint')?.textContent).toBe(
      'Stock: 340 · entrega parcial',
    );
  });

  it('does not send an invalid quote', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({ 'GET /api/v1/cotizador/productos': catalog });
    await renderSignedIn(<QuoteBuilder />, gw.fetch, CLIENTE1);

    await user.click(await screen.findByRole('button', { name: 'Solicitar cotización' }));

    expect(errorsOf('productos')).toBe('Agregue al menos un producto.');
    expect(gw.callsTo('POST', '/api/v1/cotizador/cotizaciones')).toHaveLength(0);
  });

  it('shows each field error of a problem+json beside the field it names', async () => {
    const { user } = await withLines({
      'POST /api/v1/cotizador/cotizaciones': () =>
        problem(422, 'Some lines cannot be quoted (productoId 1).', [
          { field: 'productos[0].productoId', rule: 'active', message: 'Producto 1 is not active' },
          {
            field: 'productos[0].cantidad',
            rule: 'max',
            message: 'the lines of producto 1 add up to more than 100000 units',
          },
          { field: 'tipoCliente', rule: 'custom', message: 'not a field of this form' },
        ]),
    });

    await user.click(screen.getByRole('button', { name: 'Solicitar cotización' }));

    expect(await screen.findByText('Revise los campos marcados.')).toBeTruthy();
    expect(errorsOf('productos[0].productoId')).toBe('No está activo.');
    expect(errorsOf('productos[0].cantidad')).toBe(
      'the lines of producto 1 add up to more than 100000 units',
    );
    expect(within(screen.getByRole('alert')).getByText('tipoCliente: not a field of this form')).toBeTruthy();
    expect(screen.getByLabelText(`Cantidad de ${MOUSE.nombre}`).getAttribute('aria-invalid')).toBe('true');
  });

  it('clears an API error from a field once the user changes it', async () => {
    const { user } = await withLines({
      'POST /api/v1/cotizador/cotizaciones': () =>
        problem(400, 'invalid', [{ field: 'productos[0].cantidad', rule: 'too_big', message: 'Too big' }]),
    });
    await user.click(screen.getByRole('button', { name: 'Solicitar cotización' }));
    await screen.findByText('Too big');

    await user.type(screen.getByLabelText(`Cantidad de ${MOUSE.nombre}`), '0');

    expect(screen.queryByText('Too big')).toBeNull();
  });

  it('sends the lines and opens the priced quote', async () => {
    const { user, gw } = await withLines({
      'POST /api/v1/cotizador/cotizaciones': () => json(201, COTIZACION_MAYORISTA),
    });
    await user.click(screen.getByRole('button', { name: `Agregar ${TECLADO.nombre}` }));
    const teclado = screen.getByLabelText(`Cantidad de ${TECLADO.nombre}`);
    await user.clear(teclado);
    await user.type(teclado, '50');

    await user.click(screen.getByRole('button', { name: 'Solicitar cotización' }));

    await waitFor(() =>
      expect(window.location.hash).toBe(`#/cotizaciones/${COTIZACION_MAYORISTA.cotizacionId}`),
    );
    expect(gw.callsTo('POST', '/api/v1/cotizador/cotizaciones')[0]?.body).toEqual({
      clienteId: 'CLI001',
      productos: [
        { productoId: 1, cantidad: 1 },
        { productoId: 2, cantidad: 50 },
      ],
    });
  });

  it('lets sales name the customer, and checks the code live', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({ 'GET /api/v1/cotizador/productos': catalog });
    await renderSignedIn(<QuoteBuilder />, gw.fetch, VENTAS);
    await user.click(await screen.findByRole('button', { name: 'Solicitar cotización' }));

    expect(errorsOf('clienteId')).toBe('Indique un cliente válido, p. ej. CLI001.');
    await user.type(screen.getByLabelText('Cliente (código)'), 'CLI002');
    expect(errorsOf('clienteId')).toBeUndefined();
  });

  it('has no accessibility violations with lines and errors shown', async () => {
    const { user } = await withLines();
    const cantidad = screen.getByLabelText(`Cantidad de ${MOUSE.nombre}`);
    await user.clear(cantidad);
    await user.type(cantidad, '0');

    expect(await axeViolations(document.body)).toEqual([]);
  });
});
