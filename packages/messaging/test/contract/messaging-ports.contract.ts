/**
 * The contract every messaging driver passes at the level of the ports: what a
 * service sees when it sends, publishes and consumes. Each run marks its messages
 * with a unique id and leaves foreign ones alone, so it can run against a shared
 * SQS account.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Messaging } from '../../src/create-messaging';
import type { ReceivedMessage } from '../../src/ports';
import { QUEUE_NAMES, TOPIC_NAMES } from '../../src/topology';

const envelopeSchema = z.object({
  Type: z.literal('Notification'),
  Message: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })),
});

/** Consumes `queue` until `count` messages of this run arrived; others are left on the queue. */
async function consumeOwn(
  messaging: Messaging,
  queue: string,
  run: string,
  count: number,
  batchSize = 10,
): Promise<{ messages: ReceivedMessage[]; batchSizes: number[] }> {
  const messages: ReceivedMessage[] = [];
  const batchSizes: number[] = [];
  const consumer = messaging.consumer();
  consumer.start(
    queue,
    async (batch) => {
      batchSizes.push(batch.length);
      const own = batch.filter((m) => m.body.includes(run));
      messages.push(...own);
      return { failedMessageIds: batch.filter((m) => !own.includes(m)).map((m) => m.messageId) };
    },
    { batchSize },
  );
  await vi.waitFor(() => expect(messages.length).toBeGreaterThanOrEqual(count), {
    timeout: 25_000,
    interval: 20,
  });
  await consumer.stop();
  return { messages, batchSizes };
}

export function messagingPortsContract(driver: string, create: () => Promise<Messaging>): void {
  describe(`messaging ports contract: ${driver}`, () => {
    let messaging: Messaging;
    const run = randomUUID();

    beforeAll(async () => {
      messaging = await create();
    });

    afterAll(async () => {
      await messaging.close();
    });

    it('delivers a sent message to the queue consumer with its body and typed attributes', async () => {
      await messaging.sender.send(QUEUE_NAMES.solicitudes, {
        body: JSON.stringify({ run, solicitudId: 'S1' }),
        attributes: { kind: 'dispatch', proveedores: 3 },
      });

      const { messages } = await consumeOwn(messaging, QUEUE_NAMES.solicitudes, run, 1);

      expect(messages[0]).toMatchObject({
        body: JSON.stringify({ run, solicitudId: 'S1' }),
        attributes: { kind: 'dispatch', proveedores: 3 },
        receiveCount: 1,
      });
    });

    it('delivers a notification published on the topic to the processing queue in the SNS envelope', async () => {
      const body = JSON.stringify({ run, id: 'n1' });
      await messaging.publisher.publish(TOPIC_NAMES.notificaciones, {
        body,
        attributes: { priority: 'high', type: 'email', service: 'contract' },
      });

      const { messages } = await consumeOwn(messaging, QUEUE_NAMES.notificacionesProcessing, run, 1);
      const envelope = envelopeSchema.parse(JSON.parse(messages[0]?.body ?? ''));

      expect(envelope.Message).toBe(body);
      expect(envelope.MessageAttributes.priority).toEqual({ Type: 'String', Value: 'high' });
    });

    it('hands the consumer batches no larger than its batch size', async () => {
      for (let i = 0; i < 5; i++) {
        await messaging.sender.send(QUEUE_NAMES.cotizaciones, { body: JSON.stringify({ run, i }) });
      }

      const { messages, batchSizes } = await consumeOwn(messaging, QUEUE_NAMES.cotizaciones, run, 5, 2);

      expect(messages.map((m) => z.object({ i: z.number() }).parse(JSON.parse(m.body)).i).sort()).toEqual([
        0, 1, 2, 3, 4,
      ]);
      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(2);
    });

    it('fails if the queue is not known to the driver', async () => {
      await expect(messaging.sender.send('arka-unknown', { body: run })).rejects.toMatchObject({
        code: 'QUEUE_NOT_FOUND',
      });
    });
  });
}
