import { money } from '@arka/kernel';
import type { OutboxMessage } from '@arka/messaging';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SolicitudesStore } from '../../src/application/ports/solicitudes-store';
import { DEMO_PROVEEDORES } from '../../src/application/proveedores';
import type { Proveedor } from '../../src/domain/proveedor';
import type { Respuesta } from '../../src/domain/respuesta';
import { actualizar, nuevaSolicitud, type Solicitud } from '../../src/domain/solicitud';

export interface OpenedStore {
  readonly store: SolicitudesStore;
  cleanup(): Promise<void>;
}

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

function solicitud(proveedorId: string, seconds: number, extra: { grupoId?: string } = {}): Solicitud {
  const precio = money.parse('1234.56');
  return nuevaSolicitud(
    {
      tipoSolicitud: 'COTIZACION',
      prioridad: 'ALTA',
      observaciones: 'urgente para temporada',
      fechaLimiteRespuesta: '2026-03-10T18:00:00',
      productos: [
        {
          productoId: 'P1',
          nombreProducto: 'Mouse',
          cantidadSolicitada: 3,
          precioReferencia: precio,
          urgente: true,
        },
        { productoId: 'P2', nombreProducto: 'Pad', cantidadSolicitada: 1, urgente: false },
      ],
    },
    { id: randomUUID(), proveedorId, ...extra },
    at(seconds),
  );
}

function job(s: Solicitud, seconds: number): OutboxMessage {
  return {
    id: randomUUID(),
    destination: { kind: 'queue', name: 'arka-solicitudes' },
    body: JSON.stringify({ solicitudId: s.id }),
    attributes: { service: 'gestor-solicitudes', n: seconds },
    createdAt: at(seconds),
  };
}

function respuesta(s: Solicitud, secuencia: number, precio: string): Respuesta {
  const precioOfertado = money.parse(precio);
  if (precioOfertado === undefined) throw new Error(precio);
  return {
    id: randomUUID(),
    solicitudId: s.id,
    ...(s.grupoId ? { grupoId: s.grupoId } : {}),
    proveedorId: s.proveedorId,
    estado: 'ACEPTADA',
    precioOfertado,
    tiempoEntrega: 4,
    condicionesPago: '30 días',
    fechaRespuesta: at(100 + secuencia),
    secuencia,
  };
}

const nuevoProveedor: Proveedor = {
  id: 'PROV900',
  nombre: 'Nuevo',
  categoria: 'Audio',
  email: 'nuevo@x.example',
  telefono: '+573009990000',
  activo: true,
};

/** The behaviour every SolicitudesStore adapter must have; run once per adapter. */
export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} store contract`, () => {
    let opened: OpenedStore;
    let store: SolicitudesStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.cleanup());

    it('seeds suppliers only into an empty collection', async () => {
      expect(await store.seedProveedores(DEMO_PROVEEDORES)).toBe(3);
      expect(await store.seedProveedores([nuevoProveedor])).toBe(0);
      expect((await store.listProveedores({ page: 0, size: 10 })).total).toBe(3);
    });

    it('inserts, finds, lists by id, replaces suppliers and refuses a taken id', async () => {
      await store.seedProveedores(DEMO_PROVEEDORES);
      expect(await store.insertProveedor(nuevoProveedor)).toBe(true);
      expect(await store.insertProveedor(nuevoProveedor)).toBe(false);
      expect(await store.replaceProveedor({ ...nuevoProveedor, activo: false })).toBe(true);
      expect(await store.replaceProveedor({ ...nuevoProveedor, id: 'PROV901' })).toBe(false);

      expect(await store.findProveedor('PROV900')).toEqual({ ...nuevoProveedor, activo: false });
      expect(await store.findProveedor('PROV901')).toBeUndefined();
      expect(
        (await store.findProveedores(['PROV002', 'PROV404', 'PROV900'])).map((p) => p.id).sort(),
      ).toEqual(['PROV002', 'PROV900']);
      const second = await store.listProveedores({ page: 1, size: 2 });
      expect(second.total).toBe(4);
      expect(second.items.map((p) => p.id)).toEqual(['PROV003', 'PROV900']);
    });

    it('reads back a request exactly as written', async () => {
      const s = solicitud('PROV001', 0, { grupoId: randomUUID() });
      await store.insertSolicitudes([s], [job(s, 0)]);
      expect(await store.findSolicitud(s.id)).toEqual(s);
      expect(await store.findSolicitud(randomUUID())).toBeUndefined();
    });

    it('writes all requests and their outbox messages, or none of them', async () => {
      const existing = solicitud('PROV001', 0);
      await store.insertSolicitudes([existing], [job(existing, 0)]);
      const fresh = solicitud('PROV002', 1);

      await expect(store.insertSolicitudes([fresh, existing], [job(fresh, 1)])).rejects.toThrow();

      expect(await store.findSolicitud(fresh.id)).toBeUndefined();
      expect(await store.outbox.fetchPending(10)).toHaveLength(1);
    });

    it('filters by estado, proveedorId and grupoId, newest first, in pages', async () => {
      const grupoId = randomUUID();
      const a = solicitud('PROV001', 1, { grupoId });
      const b = solicitud('PROV002', 2, { grupoId });
      const c = solicitud('PROV001', 3);
      await store.insertSolicitudes([a, b, c], []);
      await store.updateSolicitud(actualizar(c, { estado: 'CANCELADA' }, at(4)), c.version, []);

      const ids = async (filter: object, page = { page: 0, size: 10 }) =>
        (await store.listSolicitudes(filter, page)).items.map((s) => s.id);
      expect(await ids({})).toEqual([c.id, b.id, a.id]);
      expect(await ids({ proveedorId: 'PROV001' })).toEqual([c.id, a.id]);
      expect(await ids({ grupoId })).toEqual([b.id, a.id]);
      expect(await ids({ estado: 'PENDIENTE', proveedorId: 'PROV001' })).toEqual([a.id]);
      expect(await ids({}, { page: 1, size: 2 })).toEqual([a.id]);
      expect((await store.listSolicitudes({ estado: 'PENDIENTE' }, { page: 0, size: 1 })).total).toBe(2);
      expect(await store.countSolicitudes({ grupoId })).toBe(2);
    });

    it('updates a request only from the version it read, with its outbox messages', async () => {
      const s = solicitud('PROV001', 0);
      await store.insertSolicitudes([s], []);
      const enviada = actualizar(s, { estado: 'ENVIADA', fechaEnvio: at(5) }, at(5));
      const note = job(s, 5);

      expect(await store.updateSolicitud(enviada, s.version, [note])).toBe(true);
      expect(
        await store.updateSolicitud(actualizar(s, { estado: 'CANCELADA' }, at(6)), s.version, [job(s, 6)]),
      ).toBe(false);

      expect(await store.findSolicitud(s.id)).toEqual(enviada);
      expect((await store.outbox.fetchPending(10)).map((m) => m.id)).toEqual([note.id]);
    });

    it('stores an answer with its request and outbox message in one write, refusing a stale one', async () => {
      const grupoId = randomUUID();
      const s = solicitud('PROV001', 0, { grupoId });
      await store.insertSolicitudes([s], []);
      const first = respuesta(s, 1, '99.99');
      const afterFirst = actualizar(s, { estado: 'RESPONDIDA', respuestasRecibidas: 1 }, at(101));

      expect(await store.insertRespuesta(first, afterFirst, s.version, [job(s, 101)])).toBe(true);
      const stale = respuesta(s, 1, '80.00');
      expect(await store.insertRespuesta(stale, afterFirst, s.version, [job(s, 102)])).toBe(false);
      const second = respuesta(s, 2, '88.00');
      const afterSecond = actualizar(afterFirst, { respuestasRecibidas: 2 }, at(102));
      expect(await store.insertRespuesta(second, afterSecond, afterFirst.version, [])).toBe(true);

      expect(await store.listRespuestas(s.id)).toEqual([first, second]);
      expect((await store.listRespuestasDeGrupo(grupoId)).map((r) => r.id).sort()).toEqual(
        [first.id, second.id].sort(),
      );
      expect(await store.findSolicitud(s.id)).toEqual(afterSecond);
      expect(await store.outbox.fetchPending(10)).toHaveLength(1);
    });

    it('hands the relay pending outbox messages in write order until they are marked sent', async () => {
      const s = solicitud('PROV001', 0);
      const messages = [job(s, 0), job(s, 0), job(s, 1)];
      await store.insertSolicitudes([s], messages);

      expect(await store.outbox.fetchPending(2)).toEqual(messages.slice(0, 2));
      await store.outbox.markSent([messages[0]?.id ?? '', messages[2]?.id ?? '']);
      expect(await store.outbox.fetchPending(10)).toEqual([messages[1]]);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
