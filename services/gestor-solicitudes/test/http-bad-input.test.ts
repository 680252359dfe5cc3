import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, draftBody, solicitudBody, testApp, type TestApp } from './helpers/app';

let t: TestApp;
let solicitudId: string;
beforeAll(async () => {
  t = await testApp();
  const created = await t.app.inject({
    method: 'POST',
    url: `${BASE}/solicitudes`,
    headers: t.as.compras,
    payload: solicitudBody(),
  });
  solicitudId = created.json().id;
});
afterAll(() => t.close());

const producto = (overrides: Record<string, unknown>) => [
  { productoId: 'PROD001', nombreProducto: 'Mouse', cantidadSolicitada: 1, ...overrides },
];
const respuesta = (overrides: Record<string, unknown>) => ({
  solicitudId,
  proveedorId: 'PROV001',
  estado: 'ACEPTADA',
  precioOfertado: 100,
  tiempoEntrega: 3,
  ...overrides,
});
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `PROV${String(i + 1).padStart(3, '0')}`).join(',');

interface Case {
  readonly name: string;
  readonly method: 'POST' | 'PUT' | 'GET';
  readonly url: () => string;
  readonly payload?: () => unknown;
  readonly raw?: string;
  readonly status: number;
  readonly field?: string;
}

const cases: Case[] = [
  {
    name: 'a quantity of the wrong type',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ productos: producto({ cantidadSolicitada: '5' }) }),
    status: 400,
    field: 'productos[0].cantidadSolicitada',
  },
  {
    name: 'a missing tipoSolicitud',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => ({ ...solicitudBody(), tipoSolicitud: undefined }),
    status: 400,
    field: 'tipoSolicitud',
  },
  {
    name: 'missing productos',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => ({ ...solicitudBody(), productos: undefined }),
    status: 400,
    field: 'productos',
  },
  {
    name: 'an empty productos list',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ productos: [] }),
    status: 400,
    field: 'productos',
  },
  {
    name: 'an unknown prioridad',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ prioridad: 'CRITICA' }),
    status: 400,
    field: 'prioridad',
  },
  {
    name: 'an unknown tipoSolicitud',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ tipoSolicitud: 'ALQUILER' }),
    status: 400,
    field: 'tipoSolicitud',
  },
  {
    name: 'a zero quantity',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ productos: producto({ cantidadSolicitada: 0 }) }),
    status: 400,
    field: 'productos[0].cantidadSolicitada',
  },
  {
    name: 'a fractional quantity',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ productos: producto({ cantidadSolicitada: 2.5 }) }),
    status: 400,
    field: 'productos[0].cantidadSolicitada',
  },
  {
    name: 'a negative reference price',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ productos: producto({ precioReferencia: -1 }) }),
    status: 400,
    field: 'productos[0].precioReferencia',
  },
  {
    name: 'a reference price with three decimals',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ productos: producto({ precioReferencia: 10.005 }) }),
    status: 400,
    field: 'productos[0].precioReferencia',
  },
  {
    name: 'a malformed supplier id',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ proveedorId: 'ACME' }),
    status: 400,
    field: 'proveedorId',
  },
  {
    name: 'an unknown supplier',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ proveedorId: 'PROV404' }),
    status: 422,
    field: 'proveedorId',
  },
  {
    name: 'a malformed deadline',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => solicitudBody({ fechaLimiteRespuesta: 'mañana' }),
    status: 400,
    field: 'fechaLimiteRespuesta',
  },
  {
    name: 'a body that is not an object',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    payload: () => [1, 2],
    status: 400,
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    url: () => `${BASE}/solicitudes`,
    raw: '{"proveedorId": "PROV001",',
    status: 400,
  },
  {
    name: 'more than 50 suppliers',
    method: 'POST',
    url: () => `${BASE}/solicitudes/multiple?proveedorIds=${ids(51)}`,
    payload: () => draftBody(),
    status: 400,
    field: 'proveedorIds',
  },
  {
    name: 'no supplier ids',
    method: 'POST',
    url: () => `${BASE}/solicitudes/multiple`,
    payload: () => draftBody(),
    status: 400,
    field: 'proveedorIds',
  },
  {
    name: 'a malformed id in the supplier list',
    method: 'POST',
    url: () => `${BASE}/solicitudes/multiple?proveedorIds=PROV001,x1`,
    payload: () => draftBody(),
    status: 400,
    field: 'proveedorIds',
  },
  {
    name: 'a malformed request id',
    method: 'GET',
    url: () => `${BASE}/solicitudes/not-a-uuid`,
    status: 400,
    field: 'id',
  },
  {
    name: 'a malformed group id',
    method: 'GET',
    url: () => `${BASE}/solicitudes/grupos/123/comparacion`,
    status: 400,
    field: 'grupoId',
  },
  {
    name: 'an unknown state filter',
    method: 'GET',
    url: () => `${BASE}/solicitudes?estado=ABIERTA`,
    status: 400,
    field: 'estado',
  },
  {
    name: 'a page size over 100',
    method: 'GET',
    url: () => `${BASE}/solicitudes?size=1000`,
    status: 400,
    field: 'size',
  },
  {
    name: 'an unknown target state',
    method: 'PUT',
    url: () => `${BASE}/solicitudes/${solicitudId}/estado?nuevoEstado=BORRADA`,
    status: 400,
    field: 'nuevoEstado',
  },
  {
    name: 'an answer with an unknown estado',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ estado: 'QUIZAS' }),
    status: 400,
    field: 'estado',
  },
  {
    name: 'an answer with a zero price',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ precioOfertado: 0 }),
    status: 400,
    field: 'precioOfertado',
  },
  {
    name: 'an answer with a negative price',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ estado: 'RECHAZADA', precioOfertado: -5 }),
    status: 400,
    field: 'precioOfertado',
  },
  {
    name: 'an answer with a price as text',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ precioOfertado: '100' }),
    status: 400,
    field: 'precioOfertado',
  },
  {
    name: 'an answer with fractional days',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ tiempoEntrega: 1.5 }),
    status: 400,
    field: 'tiempoEntrega',
  },
  {
    name: 'an answer with negative days',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ tiempoEntrega: -1 }),
    status: 400,
    field: 'tiempoEntrega',
  },
  {
    name: 'an answer without solicitudId',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ solicitudId: undefined }),
    status: 400,
    field: 'solicitudId',
  },
  {
    name: 'an answer to a malformed request id',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ solicitudId: '42' }),
    status: 400,
    field: 'solicitudId',
  },
  {
    name: 'an answer naming another supplier',
    method: 'POST',
    url: () => `${BASE}/respuestas`,
    payload: () => respuesta({ proveedorId: 'PROV002' }),
    status: 422,
    field: 'proveedorId',
  },
  {
    name: 'a supplier with a phone not in E.164',
    method: 'POST',
    url: () => `${BASE}/proveedores`,
    payload: () => ({
      id: 'PROV100',
      nombre: 'X',
      categoria: 'Y',
      email: 'x@y.example',
      telefono: '3001234567',
    }),
    status: 400,
    field: 'telefono',
  },
  {
    name: 'a supplier with a malformed email',
    method: 'POST',
    url: () => `${BASE}/proveedores`,
    payload: () => ({
      id: 'PROV100',
      nombre: 'X',
      categoria: 'Y',
      email: 'not-mail',
      telefono: '+573001234567',
    }),
    status: 400,
    field: 'email',
  },
  {
    name: 'a supplier with a malformed id',
    method: 'GET',
    url: () => `${BASE}/proveedores/P1`,
    status: 400,
    field: 'id',
  },
];

describe('bad input answers 4xx problem+json, never 500', () => {
  it.each(cases)('$name → $status', async (c) => {
    const response = await t.app.inject({
      method: c.method,
      url: c.url(),
      headers: { ...t.as.admin, ...(c.raw === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(c.raw !== undefined ? { payload: c.raw } : c.payload ? { payload: c.payload() as object } : {}),
    });

    expect(response.statusCode).toBe(c.status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: c.status, type: expect.any(String), detail: expect.any(String) });
    if (c.field !== undefined) {
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    }
  });

  it('names the count when more than 50 distinct suppliers are given', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/solicitudes/multiple?proveedorIds=${ids(51)}`,
      headers: t.as.compras,
      payload: draftBody(),
    });
    expect(response.json().errors[0].message).toContain('51 given');
  });

  it('wrote nothing for any of the refused inputs', async () => {
    expect(await t.store.countSolicitudes({})).toBe(1);
    expect(await t.store.listRespuestas(solicitudId)).toEqual([]);
  });
});
