// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Proveedor } from '../src/api/solicitudes-schemas';
import { ProveedoresPage } from '../src/features/proveedores/proveedores-page';
import { axeViolations } from './helpers/axe';
import { page } from './helpers/catalog';
import { fakeGateway, json, problem } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { COMPRAS } from './helpers/tokens';

const TECNO: Proveedor = {
  id: 'PROV001',
  nombre: 'TecnoPartes S.A.S.',
  categoria: 'Periféricos',
  email: 'ventas@tecnopartes.example',
  telefono: '+573001234567',
  activo: true,
};
const errorsOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('suppliers page', () => {
  it('edits a supplier and shows the refreshed list', async () => {
    const user = userEvent.setup();
    let current = TECNO;
    const gw = fakeGateway({
      'GET /api/v1/gestor-solicitudes/proveedores': () => json(200, page([current])),
      'PUT /api/v1/gestor-solicitudes/proveedores/PROV001': (call) => {
        current = { ...TECNO, ...(call.body as Partial<Proveedor>) };
        return json(200, current);
      },
    });
    await renderSignedIn(<ProveedoresPage />, gw.fetch, COMPRAS);
    await user.click(await screen.findByRole('button', { name: `Editar ${TECNO.nombre}` }));
    const nombre = screen.getByLabelText('Nombre');
    await user.clear(nombre);
    await user.type(nombre, 'TecnoPartes Colombia');
    await user.click(screen.getByLabelText('Activo (puede recibir solicitudes)'));

    await user.click(screen.getByRole('button', { name: 'Guardar' }));

    const table = await screen.findByRole('table');
    expect(await within(table).findByText('TecnoPartes Colombia')).toBeTruthy();
    expect(within(table).getByText('Inactivo')).toBeTruthy();
    expect(gw.callsTo('PUT', '/api/v1/gestor-solicitudes/proveedores/PROV001')[0]?.body).toEqual({
      nombre: 'TecnoPartes Colombia',
      categoria: TECNO.categoria,
      email: TECNO.email,
      telefono: TECNO.telefono,
      activo: false,
    });
  });

  it('creates a supplier and shows each API error beside its field', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'GET /api/v1/gestor-solicitudes/proveedores': () => json(200, page([TECNO])),
      'POST /api/v1/gestor-solicitudes/proveedores': () =>
        problem(400, 'invalid', [
          {
            field: 'id',
            rule: 'invalid_format',
            message: 'must look like PROV001 (PROV and at least three digits)',
          },
          {
            field: 'telefono',
            rule: 'invalid_format',
            message: 'must be an E.164 phone number such as +573001234567',
          },
        ]),
    });
    await renderSignedIn(<ProveedoresPage />, gw.fetch, COMPRAS);
    await user.click(await screen.findByRole('button', { name: 'Nuevo proveedor' }));
    await user.type(screen.getByLabelText('Código'), 'P1');
    await user.type(screen.getByLabelText('Teléfono'), '3001234567');

    await user.click(screen.getByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('Revise los campos marcados.')).toBeTruthy();
    expect(errorsOf('id')).toBe('must look like PROV001 (PROV and at least three digits)');
    expect(errorsOf('telefono')).toBe('must be an E.164 phone number such as +573001234567');
    expect(gw.callsTo('POST', '/api/v1/gestor-solicitudes/proveedores')[0]?.body).toMatchObject({
      id: 'P1',
      activo: true,
    });
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
