import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE, solicitudBody, testApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

async function crear(overrides: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: `${BASE}/solicitudes`,
    headers: t.as.compras,
    payload: solicitudBody(overrides),
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; estado: string };
}

describe('POST /solicitudes', () => {
  it('creates a PENDIENTE request with exact money and a dispatch job in the outbox', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes`,
      headers: t.as.compras,
      payload: solicitudBody(),
    });

    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      proveedorId: 'PROV001',
      estado: 'PENDIENTE',
      prioridad: 'ALTA',
      productos: [{ productoId: 'PROD001', cantidadSolicitada: 20, precioReferencia: 150.5, urgente: false }],
    });
    const pending = await t.store.outbox.fetchPending(10);
    expect(pending).toHaveLength(1);
    expect(pending[0]?.destination).toEqual({ kind: 'queue', name: 'arka-solicitudes' });
    expect(JSON.parse(pending[0]?.body ?? '')).toEqual({ solicitudId: body.id });
  });

  it.each([['an unknown supplier', 'PROV999', 'PROV999 does not exist']])(
    'answers 422 for %s and writes nothing',
    async (_name, proveedorId, message) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `${BASE}/solicitudes`,
        headers: t.as.compras,
        payload: solicitudBody({ proveedorId }),
      });

      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toContainEqual(expect.objectContaining({ message }));
      expect(await t.store.countSolicitudes({})).toBe(0);
      expect(await t.store.outbox.pendingCount()).toBe(0);
    },
  );

  it('answers 422 for an inactive supplier', async () => {
    await t.app.inject({
      method: 'PUT',
      url: `${BASE}/proveedores/PROV003`,
      headers: t.as.admin,
      payload: {
        nombre: 'Valle',
        categoria: 'Redes',
        email: 'a@b.example',
        telefono: '+573001112233',
        activo: false,
      },
    });

    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes`,
      headers: t.as.compras,
      payload: solicitudBody({ proveedorId: 'PROV003' }),
    });

    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('inactive suppliers: PROV003');
  });

  it.each(['CLIENTE', 'VENTAS', 'PROVEEDOR'] as const)('refuses a %s with 403', async (role) => {
    const headers = { CLIENTE: t.as.cliente, VENTAS: t.as.ventas, PROVEEDOR: t.as.proveedor }[role];
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes`,
      headers,
      payload: solicitudBody(),
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a call without a token with 401', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes`,
      payload: solicitudBody(),
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('PUT /solicitudes/{id}/estado', () => {
  it('moves along the state machine with the state in the body', async () => {
    const { id } = await crear();
    const response = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado`,
      headers: t.as.compras,
      payload: { estado: 'ENVIADA' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().estado).toBe('ENVIADA');
  });

  it('accepts ?nuevoEstado= without a body, or with an empty JSON body', async () => {
    const { id } = await crear();
    const bare = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado?nuevoEstado=ENVIADA`,
      headers: t.as.compras,
    });
    const emptyJson = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado?nuevoEstado=CANCELADA`,
      headers: { ...t.as.admin, 'content-type': 'application/json' },
      payload: '',
    });
    expect(bare.statusCode).toBe(200);
    expect(bare.json().estado).toBe('ENVIADA');
    expect(emptyJson.statusCode).toBe(200);
    expect(emptyJson.json().estado).toBe('CANCELADA');
  });

  it('answers 409 naming the current state on an invalid transition', async () => {
    const { id } = await crear();
    const response = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado?nuevoEstado=COMPLETADA`,
      headers: t.as.compras,
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().detail).toContain('PENDIENTE');
  });

  it('answers 400 when neither the body nor the query names a state, or they disagree', async () => {
    const { id } = await crear();
    const none = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado`,
      headers: t.as.compras,
    });
    const both = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado?nuevoEstado=ENVIADA`,
      headers: t.as.compras,
      payload: { estado: 'CANCELADA' },
    });
    expect(none.statusCode).toBe(400);
    expect(both.statusCode).toBe(400);
  });

  it('refuses a PROVEEDOR with 403', async () => {
    const { id } = await crear();
    const response = await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado?nuevoEstado=CANCELADA`,
      headers: t.as.proveedor,
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('GET /solicitudes', () => {
  it('filters by estado and proveedorId and pages the result', async () => {
    await crear();
    await crear();
    const { id } = await crear({ proveedorId: 'PROV002' });
    await t.app.inject({
      method: 'PUT',
      url: `${BASE}/solicitudes/${id}/estado?nuevoEstado=CANCELADA`,
      headers: t.as.compras,
    });

    const pendientes = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes?estado=PENDIENTE&page=0&size=1`,
      headers: t.as.compras,
    });
    const prov2 = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes?proveedorId=PROV002`,
      headers: t.as.compras,
    });

    expect(pendientes.json()).toMatchObject({ page: 0, size: 1, totalElements: 2, totalPages: 2 });
    expect(pendientes.json().content).toHaveLength(1);
    expect(prov2.json().content.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it('confines a PROVEEDOR to its own requests whatever filter it sends', async () => {
    await crear();
    await crear({ proveedorId: 'PROV002' });
    const response = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes?proveedorId=PROV002`,
      headers: t.as.proveedor,
    });
    expect(response.json().totalElements).toBe(1);
    expect(response.json().content[0].proveedorId).toBe('PROV001');
  });

  it("answers 404 to a PROVEEDOR reading another supplier's request", async () => {
    const { id } = await crear({ proveedorId: 'PROV002' });
    const other = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes/${id}`,
      headers: t.as.proveedor,
    });
    const own = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes/${id}`,
      headers: t.as.otroProveedor,
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('PROV002');
    expect(own.statusCode).toBe(200);
  });
});
