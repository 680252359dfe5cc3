import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE, draftBody, solicitudBody, testApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

async function crear(proveedorId = 'PROV001'): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `${BASE}/solicitudes`,
    headers: t.as.compras,
    payload: solicitudBody({ proveedorId }),
  });
  return response.json().id;
}

function responder(headers: { authorization: string }, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `${BASE}/respuestas`,
    headers,
    payload: { estado: 'ACEPTADA', precioOfertado: 100, tiempoEntrega: 5, ...body },
  });
}

const cambiar = (id: string, estado: string) =>
  t.app.inject({
    method: 'PUT',
    url: `${BASE}/solicitudes/${id}/estado`,
    headers: t.as.compras,
    payload: { estado },
  });

describe('POST /respuestas', () => {
  it('records the answer, moves the request to RESPONDIDA and notifies purchasing in the same write', async () => {
    const id = await crear();
    await cambiar(id, 'ENVIADA');
    const before = await t.store.outbox.pendingCount();

    const response = await responder(t.as.proveedor, {
      solicitudId: id,
      proveedorId: 'PROV001',
      precioOfertado: 1234.56,
    });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ solicitudId: id, precioOfertado: 1234.56, estado: 'ACEPTADA' });
    expect((await t.store.findSolicitud(id))?.estado).toBe('RESPONDIDA');
    const pending = await t.store.outbox.fetchPending(10);
    expect(pending).toHaveLength(before + 1);
    const notice = pending.at(-1);
    expect(notice?.destination).toEqual({ kind: 'topic', name: 'arka-notificaciones' });
    expect(notice?.attributes).toEqual({ priority: 'high', type: 'email', service: 'gestor-solicitudes' });
    expect(JSON.parse(notice?.body ?? '')).toMatchObject({
      recipient: 'compras@arka.example',
      type: 'email',
    });
  });

  it('accepts an answer before the dispatcher ran (PENDIENTE → RESPONDIDA)', async () => {
    const id = await crear();
    const response = await responder(t.as.proveedor, { solicitudId: id, proveedorId: 'PROV001' });
    expect(response.statusCode).toBe(201);
    expect((await t.store.findSolicitud(id))?.estado).toBe('RESPONDIDA');
  });

  it('lets COMPRAS answer on behalf of the supplier, and a RECHAZADA answer carry price 0', async () => {
    const id = await crear();
    const response = await responder(t.as.compras, {
      solicitudId: id,
      proveedorId: 'PROV001',
      estado: 'RECHAZADA',
      precioOfertado: 0,
    });
    expect(response.statusCode).toBe(201);
  });

  it("answers 404 to a PROVEEDOR answering another supplier's request, and writes nothing", async () => {
    const id = await crear('PROV002');
    const response = await responder(t.as.proveedor, { solicitudId: id, proveedorId: 'PROV002' });
    expect(response.statusCode).toBe(404);
    expect(await t.store.listRespuestas(id)).toEqual([]);
  });

  it('answers 404 for a request that does not exist', async () => {
    const response = await responder(t.as.admin, {
      solicitudId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
      proveedorId: 'PROV001',
    });
    expect(response.statusCode).toBe(404);
  });

  it.each(['CANCELADA', 'COMPLETADA'])(
    'answers 409 naming the state when the request is %s',
    async (estado) => {
      const id = await crear();
      if (estado === 'COMPLETADA') {
        await responder(t.as.proveedor, { solicitudId: id, proveedorId: 'PROV001' });
      }
      expect((await cambiar(id, estado)).statusCode).toBe(200);

      const response = await responder(t.as.proveedor, { solicitudId: id, proveedorId: 'PROV001' });

      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain(estado);
    },
  );

  it('keeps every answer, oldest first, and the newest is the current offer', async () => {
    const id = await crear();
    await responder(t.as.proveedor, { solicitudId: id, proveedorId: 'PROV001', precioOfertado: 300 });
    await responder(t.as.proveedor, { solicitudId: id, proveedorId: 'PROV001', precioOfertado: 250 });

    const list = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes/${id}/respuestas`,
      headers: t.as.proveedor,
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes/${id}/respuestas`,
      headers: t.as.otroProveedor,
    });

    expect(list.json().map((r: { precioOfertado: number }) => r.precioOfertado)).toEqual([300, 250]);
    expect(other.statusCode).toBe(404);
  });
});

describe('GET /solicitudes/grupos/{grupoId}/comparacion', () => {
  it('ranks current offers by price, then days, then answer time, ignoring RECHAZADA and replaced offers', async () => {
    for (const [id, telefono] of [
      ['PROV004', '+573001110004'],
      ['PROV005', '+573001110005'],
    ] as const) {
      await t.store.insertProveedor({
        id,
        nombre: id,
        categoria: 'Redes',
        email: `${id}@x.example`,
        telefono,
        activo: true,
      });
    }
    const envio = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes/multiple?proveedorIds=PROV001,PROV002,PROV003,PROV004,PROV005`,
      headers: t.as.compras,
      payload: draftBody(),
    });
    const { grupoId, solicitudes } = envio.json() as {
      grupoId: string;
      solicitudes: { id: string; proveedorId: string }[];
    };
    const of = (proveedorId: string) => solicitudes.find((s) => s.proveedorId === proveedorId)?.id;
    const answer = (
      proveedorId: string,
      precioOfertado: number,
      tiempoEntrega: number,
      estado = 'ACEPTADA',
    ) =>
      responder(t.as.admin, {
        solicitudId: of(proveedorId),
        proveedorId,
        precioOfertado,
        tiempoEntrega,
        estado,
      });
    await answer('PROV001', 90, 1); // replaced below by a worse offer
    await answer('PROV002', 100, 7);
    await answer('PROV003', 100, 3, 'PARCIAL');
    await answer('PROV004', 50, 1, 'RECHAZADA');
    await answer('PROV005', 100, 3); // ties PROV003 on price and days, answered later
    await answer('PROV001', 120, 1);

    const response = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes/grupos/${grupoId}/comparacion`,
      headers: t.as.compras,
    });

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ grupoId, totalSolicitudes: 5, totalOfertas: 4 });
    expect(body.ofertas.map((o: { proveedorId: string }) => o.proveedorId)).toEqual([
      'PROV003',
      'PROV005',
      'PROV002',
      'PROV001',
    ]);
    expect(body.ofertas.map((o: { posicion: number }) => o.posicion)).toEqual([1, 2, 3, 4]);
    expect(body.mejorOferta).toMatchObject({ proveedorId: 'PROV003', precioOfertado: 100, tiempoEntrega: 3 });
  });

  it('answers 404 for a group that does not exist and 403 to a PROVEEDOR', async () => {
    const url = `${BASE}/solicitudes/grupos/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/comparacion`;
    expect((await t.app.inject({ method: 'GET', url, headers: t.as.compras })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url, headers: t.as.proveedor })).statusCode).toBe(403);
  });

  it('names no best offer while nobody has answered', async () => {
    const envio = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes/multiple?proveedorIds=PROV001,PROV002`,
      headers: t.as.compras,
      payload: draftBody(),
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `${BASE}/solicitudes/grupos/${envio.json().grupoId}/comparacion`,
      headers: t.as.admin,
    });
    expect(response.json()).toMatchObject({
      totalSolicitudes: 2,
      totalOfertas: 0,
      mejorOferta: null,
      ofertas: [],
    });
  });
});
