import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import type { ReceivedMessage } from '../../src/ports';
import { QUEUE_NAMES } from '../../src/topology';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';

const QUEUE = QUEUE_NAMES.solicitudes; // visibility 600 s, DLQ after 5 receives

describe('embedded QueueConsumer', () => {
  let dir: ReturnType<typeof tempBrokerDir>;
  let clock: FakeClock;
  let broker: EmbeddedBroker;

  beforeEach(() => {
    dir = tempBrokerDir();
    clock = new FakeClock();
    broker = openBroker({ path: dir.path(), clock });
  });

  afterEach(async () => {
    await broker.close();
    dir.cleanup();
  });

  it('hands batches to the handler and deletes all but the failed messages', async () => {
    // Prepare
    await broker.sendBatch(QUEUE, [{ body: 'ok' }, { body: 'fails' }, { body: 'ok too' }]);
    const batches: string[][] = [];
    const consumer = broker.consumer({ waitTimeSeconds: 1 });

    // Act
    consumer.start(QUEUE, async (batch: readonly ReceivedMessage[]) => {
      batches.push(batch.map((m) => m.body));
      return { failedMessageIds: batch.filter((m) => m.body === 'fails').map((m) => m.messageId) };
    });
    await vi.waitFor(() => expect(broker.stats(QUEUE)).toMatchObject({ visible: 0, inFlight: 1 }), {
      interval: 5,
    });
    await consumer.stop();

    // Assess
    expect(batches).toEqual([['ok', 'fails', 'ok too']]);
    clock.advanceSeconds(600);
    const back = await broker.receive(QUEUE, { waitTimeSeconds: 0, maxMessages: 10 });
    expect(back.map((m) => [m.body, m.receiveCount])).toEqual([['fails', 2]]);
  });

  it('leaves the whole batch when the handler throws', async () => {
    await broker.sendBatch(QUEUE, [{ body: 'a' }, { body: 'b' }]);
    let calls = 0;
    const consumer = broker.consumer({ waitTimeSeconds: 1 });

    consumer.start(QUEUE, async () => {
      calls++;
      throw new Error('database unavailable');
    });
    await vi.waitFor(() => expect(calls).toBe(1), { interval: 5 });
    await consumer.stop();

    expect(broker.stats(QUEUE)).toMatchObject({ visible: 0, inFlight: 2 });
  });

  it('respects the batch size', async () => {
    await broker.sendBatch(
      QUEUE,
      Array.from({ length: 5 }, (_, i) => ({ body: `m${i}` })),
    );
    const sizes: number[] = [];
    const consumer = broker.consumer({ waitTimeSeconds: 1 });

    consumer.start(
      QUEUE,
      async (batch) => {
        sizes.push(batch.length);
        return { failedMessageIds: [] };
      },
      { batchSize: 2 },
    );
    await vi.waitFor(() => expect(sizes.reduce((a, b) => a + b, 0)).toBe(5), { interval: 5 });
    await consumer.stop();

    expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
  });

  it('fails if the batch size is larger than 10', () => {
    const consumer = broker.consumer();

    expect(() => consumer.start(QUEUE, async () => ({ failedMessageIds: [] }), { batchSize: 11 })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });

  it('is stopped when the broker closes, ending its long poll', async () => {
    const consumer = broker.consumer();
    consumer.start(QUEUE, async () => ({ failedMessageIds: [] }));

    await broker.close();

    await expect(broker.send(QUEUE, { body: 'x' })).rejects.toMatchObject({ code: 'BROKER_CLOSED' });
  });
});
