import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE, draftBody, testApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

async function seedSuppliers(count: number, activo = true) {
  for (let i = 10; i < 10 + count; i += 1) {
    await t.store.insertProveedor({
      id: `PROV${String(i).padStart(3, '0')}`,
      nombre: `Proveedor ${i}`,
      categoria: 'Periféricos',
      email: `p${i}@proveedores.example`,
      telefono: `+5730000000${String(i).padStart(2, '0')}`,
      activo,
    });
  }
}

const enviar = (query: string) =>
  t.app.inject({
    method: 'POST',
    url: `${BASE}/solicitudes/multiple?${query}`,
    headers: t.as.compras,
    payload: draftBody(),
  });

describe('POST /solicitudes/multiple', () => {
  it('creates one request per distinct supplier, sharing a group, each with its dispatch job', async () => {
    const response = await enviar('proveedorIds=PROV001,PROV002,PROV001,%20PROV003');

    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.total).toBe(3);
    expect(body.solicitudes.map((s: { proveedorId: string }) => s.proveedorId)).toEqual([
      'PROV001',
      'PROV002',
      'PROV003',
    ]);
    for (const s of body.solicitudes) expect(s).toMatchObject({ grupoId: body.grupoId, estado: 'PENDIENTE' });
    expect(await t.store.countSolicitudes({ grupoId: body.grupoId })).toBe(3);
    expect(await t.store.outbox.pendingCount()).toBe(3);
  });

  it('accepts the ids as a repeated query parameter', async () => {
    const response = await enviar('proveedorIds=PROV001&proveedorIds=PROV002&proveedorIds=PROV002');
    expect(response.statusCode).toBe(201);
    expect(response.json().total).toBe(2);
  });

  it('accepts exactly 50 distinct suppliers', async () => {
    await seedSuppliers(50);
    const ids = Array.from({ length: 50 }, (_, i) => `PROV${String(i + 10).padStart(3, '0')}`);

    const response = await enviar(`proveedorIds=${ids.join(',')}`);

    expect(response.statusCode).toBe(201);
    expect(response.json().total).toBe(50);
  });

  it('counts 51 ids that repeat down to 50 as 50', async () => {
    await seedSuppliers(50);
    const ids = Array.from({ length: 50 }, (_, i) => `PROV${String(i + 10).padStart(3, '0')}`);

    const response = await enviar(`proveedorIds=${[...ids, ids[0]].join(',')}`);

    expect(response.statusCode).toBe(201);
  });

  it('refuses 51 distinct suppliers and writes nothing', async () => {
    await seedSuppliers(51);
    const ids = Array.from({ length: 51 }, (_, i) => `PROV${String(i + 10).padStart(3, '0')}`);

    const response = await enviar(`proveedorIds=${ids.join(',')}`);

    expect(response.statusCode).toBe(400);
    expect(await t.store.countSolicitudes({})).toBe(0);
  });

  it('names every unknown and inactive supplier, and writes nothing at all', async () => {
    await seedSuppliers(2, false);

    const response = await enviar('proveedorIds=PROV001,PROV777,PROV010,PROV002,PROV011,PROV888');

    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.detail).toContain('unknown suppliers: PROV777, PROV888');
    expect(problem.detail).toContain('inactive suppliers: PROV010, PROV011');
    expect(problem.errors).toHaveLength(4);
    expect(await t.store.countSolicitudes({})).toBe(0);
    expect(await t.store.outbox.pendingCount()).toBe(0);
  });
});
