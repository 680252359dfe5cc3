import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE, testApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const nuevo = {
  id: 'PROV010',
  nombre: 'Cables del Norte',
  categoria: 'Cables',
  email: 'ventas@cables.example',
  telefono: '+573151234567',
};

describe('proveedores', () => {
  it('lists the three demo suppliers, active, with email and E.164 phone', async () => {
    const response = await t.app.inject({ method: 'GET', url: `${BASE}/proveedores`, headers: t.as.compras });
    expect(response.statusCode).toBe(200);
    const content = response.json().content as {
      id: string;
      activo: boolean;
      email: string;
      telefono: string;
    }[];
    expect(content.map((p) => p.id)).toEqual(['PROV001', 'PROV002', 'PROV003']);
    for (const p of content) {
      expect(p.activo).toBe(true);
      expect(p.email).toMatch(/@/);
      expect(p.telefono).toMatch(/^\+[1-9]\d{6,14}$/);
    }
  });

  it('creates a supplier (active by default) and refuses the same id again with 409', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `${BASE}/proveedores`,
      headers: t.as.compras,
      payload: nuevo,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `${BASE}/proveedores`,
      headers: t.as.admin,
      payload: nuevo,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().activo).toBe(true);
    expect(again.statusCode).toBe(409);
  });

  it('updates a supplier, and answers 404 for one that does not exist', async () => {
    const { id: _id, ...fields } = nuevo;
    const updated = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/proveedores/PROV001`,
      headers: t.as.compras,
      payload: { ...fields, activo: false },
    });
    const missing = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/proveedores/PROV404`,
      headers: t.as.compras,
      payload: fields,
    });
    expect(updated.json()).toMatchObject({ id: 'PROV001', nombre: 'Cables del Norte', activo: false });
    expect(missing.statusCode).toBe(404);
  });

  it('lets a PROVEEDOR read only its own record and not the list or changes', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: `${BASE}/proveedores/PROV001`,
      headers: t.as.proveedor,
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `${BASE}/proveedores/PROV002`,
      headers: t.as.proveedor,
    });
    const list = await t.app.inject({ method: 'GET', url: `${BASE}/proveedores`, headers: t.as.proveedor });
    const create = await t.app.inject({
      method: 'POST',
      url: `${BASE}/proveedores`,
      headers: t.as.proveedor,
      payload: nuevo,
    });
    expect(own.statusCode).toBe(200);
    expect(other.statusCode).toBe(404);
    expect(list.statusCode).toBe(403);
    expect(create.statusCode).toBe(403);
  });

  it.each(['cliente', 'ventas'] as const)('refuses a %s with 403', async (who) => {
    const response = await t.app.inject({ method: 'GET', url: `${BASE}/proveedores`, headers: t.as[who] });
    expect(response.statusCode).toBe(403);
  });

  it('serves the OpenAPI document with the service routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain(`${BASE}/solicitudes/multiple`);
  });
});
