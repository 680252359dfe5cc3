import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedBroker, QUEUE_NAMES } from '@arka/messaging';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDispatcher, startGestor } from '../src/index';
import { BASE, bearer, JWT, solicitudBody } from './helpers/app';

let dir: string;
let env: Record<string, string>;
const closers: (() => Promise<void>)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gestor-e2e-'));
  env = { ARKA_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: JWT.secret, LOG_LEVEL: 'silent' };
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the service and its dispatcher, started in process on the embedded store and broker', () => {
  it('creates a request over HTTP, relays its job, and the dispatcher notifies the supplier and marks it ENVIADA', async () => {
    const gestor = await startGestor(env);
    closers.push(gestor.close);
    const dispatcher = await startDispatcher(env);
    closers.push(dispatcher.close);
    const authorization = await bearer({ subject: 'compras', roles: ['COMPRAS'] });
    const headers = { authorization, 'content-type': 'application/json' };

    const created = await fetch(`${gestor.address}${BASE}/solicitudes`, {
      method: 'POST',
      headers,
      body: JSON.stringify(solicitudBody({ prioridad: 'BAJA' })),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await vi.waitFor(
      async () => {
        const response = await fetch(`${gestor.address}${BASE}/solicitudes/${id}`, { headers });
        expect(((await response.json()) as { estado: string }).estado).toBe('ENVIADA');
      },
      { timeout: 20_000, interval: 100 },
    );
    for (const close of closers.splice(0).reverse()) await close();

    const broker = EmbeddedBroker.open({ path: join(dir, 'broker.sqlite') });
    try {
      const [notice] = broker.peek(QUEUE_NAMES.notificacionesProcessing, 10);
      const message = JSON.parse(JSON.parse(notice?.body ?? '{}').Message ?? '{}');
      expect(message).toMatchObject({
        type: 'email',
        recipient: 'ventas@tecnopartes.example',
        priority: 'low',
      });
      expect(broker.stats(QUEUE_NAMES.solicitudes)).toMatchObject({ visible: 0, inFlight: 0 });
    } finally {
      await broker.close();
    }
  });

  it('serves the three demo suppliers in the embedded mode', async () => {
    const gestor = await startGestor(env);
    closers.push(gestor.close);
    const response = await fetch(`${gestor.address}${BASE}/proveedores`, {
      headers: { authorization: await bearer({ subject: 'admin', roles: ['ADMIN'] }) },
    });
    const body = (await response.json()) as { content: { id: string }[] };
    expect(body.content.map((p) => p.id)).toEqual(['PROV001', 'PROV002', 'PROV003']);
  });
});
