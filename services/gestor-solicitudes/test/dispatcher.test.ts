import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedSolicitudesStore } from '../src/adapters/persistence/embedded/embedded-store';
import { dispatchHandler } from '../src/adapters/messaging/dispatch-handler';
import type { GestorContext } from '../src/application/context';
import { cambiarEstado } from '../src/application/cambiar-estado';
import { crearSolicitud } from '../src/application/crear-solicitudes';
import { DEMO_PROVEEDORES } from '../src/application/proveedores';
import type { Prioridad } from '../src/domain/solicitud';
import { steppingRuntime } from './helpers/app';
import { received, RecordingPublisher } from './helpers/fakes';
import { silentLogger } from './helpers/logger';

let store: EmbeddedSolicitudesStore;
let publisher: RecordingPublisher;
let ctx: GestorContext;
let handle: ReturnType<typeof dispatchHandler>;

beforeEach(async () => {
  store = EmbeddedSolicitudesStore.open(':memory:');
  await store.seedProveedores(DEMO_PROVEEDORES);
  publisher = new RecordingPublisher();
  const runtime = steppingRuntime();
  ctx = { store, runtime, comprasEmail: 'compras@arka.example' };
  handle = dispatchHandler({ store, runtime, publisher }, silentLogger);
});
afterEach(() => store.close());

async function crear(prioridad: Prioridad = 'MEDIA') {
  const outcome = await crearSolicitud(
    ctx,
    {
      tipoSolicitud: 'COMPRA',
      prioridad,
      productos: [{ productoId: 'P1', nombreProducto: 'Monitor 27"', cantidadSolicitada: 4, urgente: false }],
    },
    'PROV002',
  );
  if (!outcome.ok) throw new Error(outcome.kind);
  const [job] = (await store.outbox.fetchPending(100)).filter((m) => m.body.includes(outcome.value.id));
  if (!job) throw new Error('no dispatch job was written');
  return { solicitud: outcome.value, job: received(job.body) };
}

describe('the dispatcher', () => {
  it.each([
    ['URGENTE', 'critical'],
    ['ALTA', 'high'],
    ['MEDIA', 'normal'],
    ['BAJA', 'low'],
  ] as const)(
    'notifies the supplier of a %s request with priority %s and moves it to ENVIADA',
    async (prioridad, priority) => {
      const { solicitud, job } = await crear(prioridad);

      const result = await handle([job]);

      expect(result.failedMessageIds).toEqual([]);
      const [email] = publisher.published;
      expect(email?.topic).toBe('arka-notificaciones');
      expect(email?.message.attributes).toEqual({ priority, type: 'email', service: 'gestor-solicitudes' });
      expect(publisher.bodies()[0]).toMatchObject({
        type: 'email',
        recipient: 'cotizaciones@andinacomputo.example',
        priority,
      });
      const after = await store.findSolicitud(solicitud.id);
      expect(after?.estado).toBe('ENVIADA');
      expect(after?.fechaEnvio).toBeInstanceOf(Date);
    },
  );

  it('also sends an SMS to the supplier phone for an URGENTE request, and only then', async () => {
    const urgente = await crear('URGENTE');
    const alta = await crear('ALTA');

    await handle([urgente.job, alta.job]);

    const types = publisher.bodies().map((b) => [b.type, b.recipient]);
    expect(types).toEqual([
      ['email', 'cotizaciones@andinacomputo.example'],
      ['sms', '+573107654321'],
      ['email', 'cotizaciones@andinacomputo.example'],
    ]);
  });

  it('sends nothing again when the same job is delivered twice', async () => {
    const { job } = await crear();

    await handle([job]);
    const again = await handle([{ ...job, messageId: 'redelivered', receiveCount: 2 }]);

    expect(again.failedMessageIds).toEqual([]);
    expect(publisher.published).toHaveLength(1);
  });

  it('leaves a job whose publish fails for retry, and the request PENDIENTE', async () => {
    const { solicitud, job } = await crear();
    publisher.failing = true;

    const result = await handle([job]);

    expect(result.failedMessageIds).toEqual([job.messageId]);
    expect((await store.findSolicitud(solicitud.id))?.estado).toBe('PENDIENTE');
  });

  it('sends nothing for a request cancelled before the dispatcher ran', async () => {
    const { solicitud, job } = await crear();
    await cambiarEstado(ctx, solicitud.id, 'CANCELADA');

    const result = await handle([job]);

    expect(result.failedMessageIds).toEqual([]);
    expect(publisher.published).toEqual([]);
    expect((await store.findSolicitud(solicitud.id))?.estado).toBe('CANCELADA');
  });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['a body without solicitudId', '{}'],
    [
      'a request that does not exist',
      JSON.stringify({ solicitudId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' }),
    ],
  ])('fails %s, and handles the rest of the batch', async (_name, body) => {
    const { job } = await crear();
    const bad = received(body);

    const result = await handle([bad, job]);

    expect(result.failedMessageIds).toEqual([bad.messageId]);
    expect(publisher.published).toHaveLength(1);
  });
});
