import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createAccessTokenSigner } from '@arka/kernel';
import { EmbeddedBroker, notificationMessageSchema, QUEUE_NAMES } from '@arka/messaging';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startCotizador } from '../../src/runtime';

const dataDir = mkdtempSync(join(tmpdir(), 'cotizador-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = { ARKA_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' };

describe('startCotizador in the embedded mode', () => {
  it('listens, seeds an empty database once, and accepts tokens signed with the generated secret', async () => {
    const first = await startCotizador(env);
    try {
      expect(first.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8');
      const token = await createAccessTokenSigner({
        secret,
        issuer: 'arka-gateway',
        audience: 'arka-api',
      }).sign({
        subject: 'ventas',
        roles: ['VENTAS'],
      });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      expect((await fetch(`${first.address}/actuator/health/readiness`)).status).toBe(200);
      const created = await fetch(`${first.address}/api/v1/cotizador/cotizaciones`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ clienteId: 'CLI001', productos: [{ productoId: 1, cantidad: 50 }] }),
      });
      expect(created.status).toBe(201);
      const { cotizacionId } = z.object({ cotizacionId: z.string() }).parse(await created.json());

      // The relay publishes the customer's notification to the embedded broker.
      const broker = EmbeddedBroker.open({ path: join(dataDir, 'broker.sqlite') });
      try {
        const [delivered] = await broker.receive(QUEUE_NAMES.notificacionesProcessing, {
          waitTimeSeconds: 10,
        });
        const envelope = z.object({ Message: z.string() }).parse(JSON.parse(delivered?.body ?? '{}'));
        expect(notificationMessageSchema.parse(JSON.parse(envelope.Message))).toMatchObject({
          recipient: 'compras@cliente1.example',
          subject: `Cotización ${cotizacionId} creada`,
        });
      } finally {
        await broker.close();
      }
      await first.close();

      const second = await startCotizador(env);
      try {
        const products = await (
          await fetch(`${second.address}/api/v1/cotizador/productos?size=1`, { headers })
        ).json();
        expect(products).toMatchObject({ totalElements: 45 });
        const quotes = await (
          await fetch(`${second.address}/api/v1/cotizador/cotizaciones`, { headers })
        ).json();
        expect(quotes).toMatchObject({ totalElements: 1 });
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });

  it('refuses a bad configuration, naming every problem', async () => {
    const attempt = startCotizador({ ...env, PORT: 'abc', VENTAS_EMAIL: 'ventas' });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/PORT[\s\S]*VENTAS_EMAIL|VENTAS_EMAIL[\s\S]*PORT/);
  });

  it('refuses a JWT_SECRET shorter than 32 bytes', async () => {
    await expect(startCotizador({ ...env, JWT_SECRET: 'short' })).rejects.toThrow(/JWT_SECRET/);
  });
});
