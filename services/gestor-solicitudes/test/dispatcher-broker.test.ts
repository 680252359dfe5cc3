import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedBroker, OutboxRelay, QUEUE_NAMES } from '@arka/messaging';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedSolicitudesStore } from '../src/adapters/persistence/embedded/embedded-store';
import { dispatchHandler } from '../src/adapters/messaging/dispatch-handler';
import { crearSolicitud } from '../src/application/crear-solicitudes';
import { DEMO_PROVEEDORES } from '../src/application/proveedores';
import { steppingRuntime } from './helpers/app';
import { RecordingPublisher } from './helpers/fakes';
import { silentLogger } from './helpers/logger';

const QUEUE = QUEUE_NAMES.solicitudes;
let dir: string;
let store: EmbeddedSolicitudesStore;
let broker: EmbeddedBroker;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gestor-dispatch-'));
  store = EmbeddedSolicitudesStore.open(join(dir, 'gestor-solicitudes.sqlite'));
  await store.seedProveedores(DEMO_PROVEEDORES);
  broker = EmbeddedBroker.open({ path: join(dir, 'broker.sqlite') });
});
afterEach(async () => {
  await broker.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Creates a request and relays its dispatch job from the outbox to arka-solicitudes. */
async function crearYRelayar(): Promise<string> {
  const runtime = steppingRuntime();
  const outcome = await crearSolicitud(
    { store, runtime, comprasEmail: 'compras@arka.example' },
    {
      tipoSolicitud: 'REPOSICION',
      prioridad: 'URGENTE',
      productos: [{ productoId: 'P9', nombreProducto: 'SSD 1 TB', cantidadSolicitada: 10, urgente: true }],
    },
    'PROV001',
  );
  if (!outcome.ok) throw new Error(outcome.kind);
  const drained = await new OutboxRelay({
    store: store.outbox,
    publisher: broker,
    sender: broker,
  }).drainOnce();
  expect(drained).toEqual({ published: 1 });
  return outcome.value.id;
}

describe('the dispatcher on the embedded broker', () => {
  it('consumes the relayed job, notifies through arka-notificaciones and marks the request ENVIADA', async () => {
    const id = await crearYRelayar();
    const consumer = broker.consumer({ waitTimeSeconds: 1 });
    consumer.start(
      QUEUE,
      dispatchHandler({ store, runtime: steppingRuntime(), publisher: broker }, silentLogger),
    );

    try {
      await vi.waitFor(async () => expect((await store.findSolicitud(id))?.estado).toBe('ENVIADA'), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      await consumer.stop();
    }

    const delivered = broker.peek(QUEUE_NAMES.notificacionesProcessing, 10);
    expect(delivered.map((m) => JSON.parse(JSON.parse(m.body).Message).type).sort()).toEqual([
      'email',
      'sms',
    ]);
    expect(broker.stats(QUEUE)).toMatchObject({ visible: 0, inFlight: 0 });
  });

  it('retries a failing job and moves it to the dead-letter queue after 5 receives', async () => {
    const id = await crearYRelayar();
    const publisher = new RecordingPublisher();
    publisher.failing = true;
    const handle = dispatchHandler({ store, runtime: steppingRuntime(), publisher }, silentLogger);

    // What the consumer does, with the visibility timeout cut to 0 so each retry comes back at once.
    let receives = 0;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const batch = await broker.receive(QUEUE, {
        maxMessages: 10,
        waitTimeSeconds: 0,
        visibilityTimeoutSeconds: 0,
      });
      if (batch.length === 0) break;
      receives += batch.length;
      const { failedMessageIds } = await handle(batch);
      const done = batch.filter((m) => !failedMessageIds.includes(m.messageId)).map((m) => m.receiptHandle);
      if (done.length > 0) await broker.deleteBatch(QUEUE, done);
    }

    expect(receives).toBe(5);
    const [dead] = broker.peek(`${QUEUE}-dlq`, 10);
    expect(dead).toMatchObject({ receiveCount: 5, deadLetteredFrom: QUEUE });
    expect(JSON.parse(dead?.body ?? '')).toEqual({ solicitudId: id });
    expect((await store.findSolicitud(id))?.estado).toBe('PENDIENTE');
  });
});
