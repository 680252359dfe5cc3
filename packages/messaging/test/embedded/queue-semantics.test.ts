import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import { QUEUE_NAMES } from '../../src/topology';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';

const COTIZACIONES = QUEUE_NAMES.cotizaciones; // visibility 300 s, DLQ after 3 receives
const COTIZACIONES_DLQ = `${COTIZACIONES}-dlq`;
const NOW = { waitTimeSeconds: 0 } as const;

describe('embedded broker: queue semantics', () => {
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

  it('delivers a sent message with its body, attributes, receive count and sent time', async () => {
    // Prepare
    const { messageId } = await broker.send(COTIZACIONES, {
      body: 'hola',
      attributes: { kind: 'created', total: 12.5 },
    });

    // Act
    const [message] = await broker.receive(COTIZACIONES, NOW);

    // Assess
    expect(message).toMatchObject({
      messageId,
      body: 'hola',
      attributes: { kind: 'created', total: 12.5 },
      receiveCount: 1,
      sentAt: new Date(clock.now()),
    });
  });

  it('hides a received message for the visibility timeout and shows it again after it', async () => {
    await broker.send(COTIZACIONES, { body: 'a' });
    await broker.receive(COTIZACIONES, NOW);

    clock.advanceSeconds(299);
    const during = await broker.receive(COTIZACIONES, NOW);
    clock.advanceSeconds(1);
    const after = await broker.receive(COTIZACIONES, NOW);

    expect(during).toEqual([]);
    expect(after.map((m) => [m.body, m.receiveCount])).toEqual([['a', 2]]);
  });

  it('uses the visibility timeout given to receive over the queue default', async () => {
    await broker.send(COTIZACIONES, { body: 'a' });
    await broker.receive(COTIZACIONES, { ...NOW, visibilityTimeoutSeconds: 10 });

    clock.advanceSeconds(10);
    const again = await broker.receive(COTIZACIONES, NOW);

    expect(again).toHaveLength(1);
  });

  it('hands a message out once per receive even with a visibility timeout of 0', async () => {
    await broker.sendBatch(COTIZACIONES, [{ body: 'a' }, { body: 'b' }]);

    const first = await broker.receive(COTIZACIONES, {
      ...NOW,
      maxMessages: 10,
      visibilityTimeoutSeconds: 0,
    });
    const second = await broker.receive(COTIZACIONES, { ...NOW, maxMessages: 10 });

    expect(first.map((m) => [m.body, m.receiveCount])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(second.map((m) => [m.body, m.receiveCount])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('fills the batch past messages it moves to the dead-letter queue', async () => {
    await broker.send(COTIZACIONES, { body: 'poison' });
    for (let i = 0; i < 3; i++) {
      await broker.receive(COTIZACIONES, NOW);
      clock.advanceSeconds(300);
    }
    await broker.sendBatch(COTIZACIONES, [{ body: 'fresh-1' }, { body: 'fresh-2' }]);

    const batch = await broker.receive(COTIZACIONES, { ...NOW, maxMessages: 2 });

    expect(batch.map((m) => m.body)).toEqual(['fresh-1', 'fresh-2']);
    expect(broker.stats(`${COTIZACIONES}-dlq`).visible).toBe(1);
  });

  it('changes the visibility of an in-flight message', async () => {
    await broker.send(COTIZACIONES, { body: 'a' });
    const [first] = await broker.receive(COTIZACIONES, NOW);

    const changed = await broker.changeVisibility(COTIZACIONES, first?.receiptHandle ?? '', 0);
    const again = await broker.receive(COTIZACIONES, NOW);

    expect(changed).toBe(true);
    expect(again.map((m) => m.receiveCount)).toEqual([2]);
  });

  it('never delivers a deleted message again', async () => {
    await broker.send(COTIZACIONES, { body: 'a' });
    const [message] = await broker.receive(COTIZACIONES, NOW);

    const deleted = await broker.delete(COTIZACIONES, message?.receiptHandle ?? '');
    clock.advanceSeconds(3600);

    expect(deleted).toBe(true);
    expect(await broker.receive(COTIZACIONES, NOW)).toEqual([]);
    expect(broker.stats(COTIZACIONES)).toEqual({ queue: COTIZACIONES, visible: 0, inFlight: 0, delayed: 0 });
  });

  it('ignores a delete with a stale receipt handle, as SQS does', async () => {
    await broker.send(COTIZACIONES, { body: 'a' });
    const [first] = await broker.receive(COTIZACIONES, NOW);
    clock.advanceSeconds(300);
    await broker.receive(COTIZACIONES, NOW);

    const deleted = await broker.delete(COTIZACIONES, first?.receiptHandle ?? '');

    expect(deleted).toBe(false);
    expect(broker.stats(COTIZACIONES).inFlight).toBe(1);
  });

  it('pairs each handle with its own message in a batch delete', async () => {
    await broker.sendBatch(COTIZACIONES, [{ body: 'x' }, { body: 'y' }]);
    const [x] = await broker.receive(COTIZACIONES, NOW);
    clock.advanceSeconds(300);
    const again = await broker.receive(COTIZACIONES, { ...NOW, maxMessages: 10 });
    const y = again.find((m) => m.body === 'y');

    const deleted = await broker.deleteBatch(COTIZACIONES, [x?.receiptHandle ?? '', y?.receiptHandle ?? '']);

    expect(deleted).toEqual([false, true]);
    expect(broker.stats(COTIZACIONES).inFlight).toBe(1);
  });

  it('fails if a receipt handle is malformed', async () => {
    await expect(broker.delete(COTIZACIONES, 'nonsense')).rejects.toMatchObject({
      code: 'INVALID_RECEIPT_HANDLE',
    });
  });

  it('moves a message to the dead-letter queue on the receive after maxReceiveCount', async () => {
    await broker.send(COTIZACIONES, { body: 'poison', attributes: { kind: 'x' } });
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [m] = await broker.receive(COTIZACIONES, NOW);
      counts.push(m?.receiveCount ?? 0);
      clock.advanceSeconds(300);
    }

    const fourth = await broker.receive(COTIZACIONES, NOW);
    const dead = broker.peek(COTIZACIONES_DLQ, 10);

    expect(counts).toEqual([1, 2, 3]);
    expect(fourth).toEqual([]);
    expect(dead).toMatchObject([
      { body: 'poison', attributes: { kind: 'x' }, deadLetteredFrom: COTIZACIONES },
    ]);
  });

  it('redrives dead letters back to their source queue as new messages', async () => {
    await broker.send(COTIZACIONES_DLQ, { body: 'retry me' });

    const moved = broker.redrive(COTIZACIONES_DLQ);
    const [again] = await broker.receive(COTIZACIONES, NOW);

    expect(moved).toBe(1);
    expect(again).toMatchObject({ body: 'retry me', receiveCount: 1 });
    expect(broker.stats(COTIZACIONES_DLQ).visible).toBe(0);
  });

  it('drops messages older than the retention period', async () => {
    await broker.send(COTIZACIONES, { body: 'old' });
    clock.advanceSeconds(14 * 24 * 3600 - 1);
    await broker.send(COTIZACIONES, { body: 'young' });
    clock.advanceSeconds(1);

    const received = await broker.receive(COTIZACIONES, { ...NOW, maxMessages: 10 });

    expect(received.map((m) => m.body)).toEqual(['young']);
  });

  it('keeps a delayed message invisible until its delay has passed', async () => {
    await broker.send(COTIZACIONES, { body: 'later', delaySeconds: 30 });

    const early = await broker.receive(COTIZACIONES, NOW);
    const statsEarly = broker.stats(COTIZACIONES);
    clock.advanceSeconds(30);
    const onTime = await broker.receive(COTIZACIONES, NOW);

    expect(early).toEqual([]);
    expect(statsEarly).toMatchObject({ visible: 0, delayed: 1, inFlight: 0 });
    expect(onTime.map((m) => m.body)).toEqual(['later']);
  });

  it('counts visible, in-flight and delayed messages', async () => {
    await broker.sendBatch(COTIZACIONES, [{ body: '1' }, { body: '2' }, { body: '3', delaySeconds: 60 }]);
    await broker.receive(COTIZACIONES, NOW);

    expect(broker.stats(COTIZACIONES)).toEqual({ queue: COTIZACIONES, visible: 1, inFlight: 1, delayed: 1 });
  });

  it('receives at most the batch size, oldest first', async () => {
    await broker.sendBatch(
      COTIZACIONES,
      Array.from({ length: 10 }, (_, i) => ({ body: `m${i}` })),
    );
    await broker.sendBatch(COTIZACIONES, [{ body: 'm10' }, { body: 'm11' }]);

    const first = await broker.receive(COTIZACIONES, { ...NOW, maxMessages: 10 });
    const second = await broker.receive(COTIZACIONES, { ...NOW, maxMessages: 10 });

    expect(first.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(second.map((m) => m.body)).toEqual(['m10', 'm11']);
  });

  it.each([0, 11])('fails if the batch size is %i', async (size) => {
    await expect(broker.receive(COTIZACIONES, { ...NOW, maxMessages: size })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
    const batch = Array.from({ length: size }, () => ({ body: 'x' }));
    await expect(broker.sendBatch(COTIZACIONES, batch)).rejects.toMatchObject({ code: 'INVALID_PARAMETER' });
  });

  it('fails if a delay is longer than 900 seconds', async () => {
    await expect(broker.send(COTIZACIONES, { body: 'x', delaySeconds: 901 })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
  });

  it('fails if a message carries more than 10 attributes', async () => {
    const attributes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, 'v']));
    await expect(broker.send(COTIZACIONES, { body: 'x', attributes })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
  });

  it('fails with the known queues if the queue does not exist', async () => {
    await expect(broker.send('arka-nope', { body: 'x' })).rejects.toMatchObject({
      code: 'QUEUE_NOT_FOUND',
      message: expect.stringContaining(COTIZACIONES),
    });
  });

  it('long polling returns as soon as a message arrives', async () => {
    const polling = broker.receive(COTIZACIONES, { waitTimeSeconds: 20 });

    await broker.send(COTIZACIONES, { body: 'arrived' });

    expect((await polling).map((m) => m.body)).toEqual(['arrived']);
  });

  it('long polling sees a message sent through another connection to the file', async () => {
    const other = openBroker({ path: dir.path(), clock });
    const polling = broker.receive(COTIZACIONES, { waitTimeSeconds: 20 });

    await other.send(COTIZACIONES, { body: 'from elsewhere' });

    expect((await polling).map((m) => m.body)).toEqual(['from elsewhere']);
    await other.close();
  });

  it('long polling keeps waiting while the queue is empty', async () => {
    const polling = broker.receive(COTIZACIONES, { waitTimeSeconds: 2 });
    await new Promise((resolve) => setTimeout(resolve, 500));

    await broker.send(COTIZACIONES, { body: 'late but in time' });

    expect((await polling).map((m) => m.body)).toEqual(['late but in time']);
  });

  it('long polling returns nothing when the wait time ends empty', async () => {
    expect(await broker.receive(COTIZACIONES, { waitTimeSeconds: 1 })).toEqual([]);
  });

  it('long polling ends early when its signal aborts', async () => {
    const controller = new AbortController();
    const polling = broker.receive(COTIZACIONES, { waitTimeSeconds: 20, signal: controller.signal });

    controller.abort();

    expect(await polling).toEqual([]);
  });
});
