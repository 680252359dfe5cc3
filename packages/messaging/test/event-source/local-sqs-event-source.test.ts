import { createHash } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import { LocalSqsEventSource } from '../../src/event-source/local-sqs-event-source';
import type { LambdaContext, SqsEvent, SqsHandler } from '../../src/event-source/sqs-event';
import { QUEUE_NAMES } from '../../src/topology';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';

const QUEUE = QUEUE_NAMES.notificacionesProcessing; // visibility 300 s, DLQ after 3 receives
const NOW = { waitTimeSeconds: 0, maxMessages: 10 } as const;

/** A handler that records each event and fails the records whose body is listed. */
function recordingHandler(failBodies: readonly string[] = []) {
  const events: SqsEvent[] = [];
  const contexts: LambdaContext[] = [];
  const handler: SqsHandler = async (event, context) => {
    events.push(event);
    contexts.push(context);
    return {
      batchItemFailures: event.Records.filter((r) => failBodies.includes(r.body)).map((r) => ({
        itemIdentifier: r.messageId,
      })),
    };
  };
  return { handler, events, contexts };
}

describe('LocalSqsEventSource', () => {
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

  it('invokes the handler with the SQS event Lambda would build', async () => {
    // Prepare
    const { messageId } = await broker.send(QUEUE, {
      body: '{"id":"n1"}',
      attributes: { priority: 'high', attempt: 2 },
    });
    const { handler, events, contexts } = recordingHandler();
    const source = new LocalSqsEventSource({
      broker,
      queue: QUEUE,
      handler,
      functionName: 'arka-notifications',
    });

    // Act
    await source.pollOnce();

    // Assess
    const [record] = events[0]?.Records ?? [];
    expect(record).toEqual({
      messageId,
      receiptHandle: expect.any(String),
      body: '{"id":"n1"}',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(clock.now()),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: String(clock.now()),
      },
      messageAttributes: {
        priority: { stringValue: 'high', stringListValues: [], binaryListValues: [], dataType: 'String' },
        attempt: { stringValue: '2', stringListValues: [], binaryListValues: [], dataType: 'Number' },
      },
      md5OfBody: createHash('md5').update('{"id":"n1"}').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:arka-notificaciones-processing',
      awsRegion: 'local',
    });
    expect(contexts[0]).toMatchObject({
      functionName: 'arka-notifications',
      invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:arka-notifications',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(contexts[0]?.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('deletes the whole batch when the handler reports no failures', async () => {
    await broker.sendBatch(QUEUE, [{ body: 'a' }, { body: 'b' }]);
    const source = new LocalSqsEventSource({ broker, queue: QUEUE, handler: async () => undefined });

    const result = await source.pollOnce();
    clock.advanceSeconds(300);

    expect(result).toEqual({ received: 2, deleted: 2, retried: [] });
    expect(await broker.receive(QUEUE, NOW)).toEqual([]);
  });

  it('retries only the records listed in batchItemFailures', async () => {
    await broker.sendBatch(QUEUE, [{ body: 'ok-1' }, { body: 'bad' }, { body: 'ok-2' }]);
    const source = new LocalSqsEventSource({
      broker,
      queue: QUEUE,
      handler: recordingHandler(['bad']).handler,
    });

    const result = await source.pollOnce();
    clock.advanceSeconds(300);
    const back = await broker.receive(QUEUE, NOW);

    expect(result.deleted).toBe(2);
    expect(back.map((m) => [m.body, m.receiveCount])).toEqual([['bad', 2]]);
  });

  it('retries the whole batch when the handler throws', async () => {
    await broker.sendBatch(QUEUE, [{ body: 'a' }, { body: 'b' }]);
    const source = new LocalSqsEventSource({
      broker,
      queue: QUEUE,
      handler: async () => {
        throw new Error('SES is down');
      },
    });

    const result = await source.pollOnce();
    clock.advanceSeconds(300);
    const back = await broker.receive(QUEUE, NOW);

    expect(result).toMatchObject({ received: 2, deleted: 0 });
    expect(back.map((m) => m.body).sort()).toEqual(['a', 'b']);
  });

  it.each([
    ['an identifier that is not in the batch', { batchItemFailures: [{ itemIdentifier: 'someone-else' }] }],
    ['an empty identifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null identifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a malformed response', { batchItemFailures: 'all of them' }],
  ])('retries the whole batch when the response names %s', async (_what, response) => {
    await broker.sendBatch(QUEUE, [{ body: 'a' }, { body: 'b' }]);
    // A JavaScript handler can return anything; the cast lets the test send what TypeScript forbids.
    const handler = vi.fn(async () => response) as unknown as SqsHandler;
    const source = new LocalSqsEventSource({ broker, queue: QUEUE, handler });

    const result = await source.pollOnce();

    expect(result).toMatchObject({ received: 2, deleted: 0 });
  });

  it('sends a record that keeps failing to the dead-letter queue after maxReceiveCount', async () => {
    await broker.sendBatch(QUEUE, [{ body: 'poison' }, { body: 'fine' }]);
    const { handler, events } = recordingHandler(['poison']);
    const source = new LocalSqsEventSource({ broker, queue: QUEUE, handler });

    for (let i = 0; i < 4; i++) {
      await source.pollOnce();
      clock.advanceSeconds(300);
    }

    expect(events.map((e) => e.Records.map((r) => [r.body, r.attributes.ApproximateReceiveCount]))).toEqual([
      [
        ['poison', '1'],
        ['fine', '1'],
      ],
      [['poison', '2']],
      [['poison', '3']],
    ]);
    expect(broker.peek(`${QUEUE}-dlq`, 10).map((m) => m.body)).toEqual(['poison']);
  });

  it('consumes in the background until stopped', async () => {
    const { handler, events } = recordingHandler();
    const source = new LocalSqsEventSource({ broker, queue: QUEUE, handler, waitTimeSeconds: 20 });
    source.start();

    await broker.publish('arka-notificaciones', { body: 'hola', attributes: { priority: 'low' } });
    await vi.waitFor(() => expect(events).toHaveLength(1), { interval: 5 });
    await source.stop();

    expect(broker.stats(QUEUE)).toMatchObject({ visible: 0, inFlight: 0 });
  });

  it('accepts a handler typed with @types/aws-lambda', () => {
    const typed = async (event: SQSEvent, _context: Context): Promise<SQSBatchResponse> => ({
      batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })),
    });

    const source = new LocalSqsEventSource({ broker, queue: QUEUE, handler: typed });

    expect(source).toBeInstanceOf(LocalSqsEventSource);
  });
});
