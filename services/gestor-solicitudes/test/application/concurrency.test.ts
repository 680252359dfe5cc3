import { money } from '@arka/kernel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedSolicitudesStore } from '../../src/adapters/persistence/embedded/embedded-store';
import { cambiarEstado } from '../../src/application/cambiar-estado';
import type { GestorContext } from '../../src/application/context';
import { crearSolicitud } from '../../src/application/crear-solicitudes';
import type { SolicitudesStore } from '../../src/application/ports/solicitudes-store';
import { DEMO_PROVEEDORES } from '../../src/application/proveedores';
import { responder } from '../../src/application/responder';
import { steppingRuntime } from '../helpers/app';

let store: EmbeddedSolicitudesStore;

/** The store, but every read of a request yields to the event loop, so concurrent use cases interleave. */
function withSlowReads(target: EmbeddedSolicitudesStore): SolicitudesStore {
  return new Proxy(target, {
    get(object, property) {
      if (property === 'findSolicitud') {
        return async (id: string) => {
          const found = await object.findSolicitud(id);
          await new Promise((resolve) => setImmediate(resolve));
          return found;
        };
      }
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

beforeEach(async () => {
  store = EmbeddedSolicitudesStore.open(':memory:');
  await store.seedProveedores(DEMO_PROVEEDORES);
});
afterEach(() => store.close());

async function nuevaSolicitud(ctx: GestorContext): Promise<string> {
  const outcome = await crearSolicitud(
    ctx,
    {
      tipoSolicitud: 'COTIZACION',
      prioridad: 'MEDIA',
      productos: [{ productoId: 'P1', nombreProducto: 'Hub USB', cantidadSolicitada: 5, urgente: false }],
    },
    'PROV001',
  );
  if (!outcome.ok) throw new Error(outcome.kind);
  return outcome.value.id;
}

describe('concurrent writes to one request', () => {
  it('records every one of several simultaneous answers, each with its own place in order', async () => {
    const ctx: GestorContext = {
      store: withSlowReads(store),
      runtime: steppingRuntime(),
      comprasEmail: 'c@arka.example',
    };
    const solicitudId = await nuevaSolicitud(ctx);

    const outcomes = await Promise.all(
      ['101.00', '102.00', '103.00', '104.00'].map((precio) =>
        responder(
          ctx,
          {
            solicitudId,
            proveedorId: 'PROV001',
            estado: 'ACEPTADA',
            precioOfertado: money.parse(precio) ?? money.zero,
            tiempoEntrega: 2,
          },
          {},
        ),
      ),
    );

    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
    expect((await store.listRespuestas(solicitudId)).map((r) => r.secuencia)).toEqual([1, 2, 3, 4]);
    expect((await store.findSolicitud(solicitudId))?.respuestasRecibidas).toBe(4);
    expect(await store.outbox.pendingCount()).toBe(1 + 4);
  });

  it('lets exactly one of two racing state changes win when they conflict', async () => {
    const ctx: GestorContext = {
      store: withSlowReads(store),
      runtime: steppingRuntime(),
      comprasEmail: 'c@arka.example',
    };
    const id = await nuevaSolicitud(ctx);

    const [cancel, send] = await Promise.all([
      cambiarEstado(ctx, id, 'CANCELADA'),
      cambiarEstado(ctx, id, 'ENVIADA'),
    ]);

    expect(cancel.ok).toBe(true);
    expect(send).toMatchObject({ ok: false, kind: 'invalid-state', current: 'CANCELADA' });
    expect((await store.findSolicitud(id))?.estado).toBe('CANCELADA');
  });
});
