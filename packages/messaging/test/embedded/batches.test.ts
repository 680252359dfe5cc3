import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import type { TopicMessage } from '../../src/ports';
import { QUEUE_NAMES, TOPIC_NAMES } from '../../src/topology';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';
import { TEST_TOPOLOGY } from '../helpers/test-topology';

const NOW = { waitTimeSeconds: 0, maxMessages: 10 } as const;
const KIB = 1024;
const PROCESSING = QUEUE_NAMES.notificacionesProcessing;
const envelopeSchema = z.object({
  MessageId: z.string(),
  TopicArn: z.string(),
  Subject: z.string().optional(),
  Message: z.string(),
  Timestamp: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })).optional(),
});

/** Entries the test-topic filter policy (critical/high and amount > 100) and the ops email filter sort differently. */
const MIXED: TopicMessage[] = [
  { body: 'big', subject: 'Grande', attributes: { priority: 'high', amount: 150 } },
  { body: 'small', attributes: { priority: 'high', amount: 50 } },
  { body: 'wrong case', attributes: { priority: 'HIGH', amount: 150 } },
  { body: 'no amount', attributes: { priority: 'critical' } },
  { body: 'critical', attributes: { priority: 'critical', amount: 101 } },
  { body: 'plain' },
  { body: 'low', attributes: { priority: 'low', amount: 1000 } },
];

/** Everything the subscriptions of both topics received, without the per-message ids. */
async function delivered(broker: EmbeddedBroker) {
  const bodyAndAttributes = async (queue: string) =>
    (await broker.receive(queue, NOW)).map((m) => ({ body: m.body, attributes: m.attributes }));
  const [email] = broker.listSubscriptions(TOPIC_NAMES.notificaciones).filter((s) => s.protocol === 'email');
  return {
    raw: await bodyAndAttributes('raw-queue'),
    urgent: await bodyAndAttributes('urgent-queue'),
    processing: (await broker.receive(PROCESSING, NOW)).map((m) => {
      const { MessageId: _id, ...rest } = envelopeSchema.parse(JSON.parse(m.body));
      return rest;
    }),
    email: broker
      .listEndpointDeliveries(email?.id ?? '')
      .map(({ body, subject, attributes }) => ({ body, subject, attributes })),
  };
}

async function nothingDelivered(broker: EmbeddedBroker): Promise<boolean> {
  const { raw, urgent, processing, email } = await delivered(broker);
  return raw.length + urgent.length + processing.length + email.length === 0;
}

describe('embedded broker: batches', () => {
  let dir: ReturnType<typeof tempBrokerDir>;
  let clock: FakeClock;
  let broker: EmbeddedBroker;

  beforeEach(() => {
    dir = tempBrokerDir();
    clock = new FakeClock();
    broker = openBroker({ path: dir.path(), clock, topology: TEST_TOPOLOGY });
  });

  afterEach(async () => {
    await broker.close();
    dir.cleanup();
  });

  it('fans a batch out exactly as the same messages published one by one', async () => {
    // Prepare
    const single = openBroker({ path: dir.path('single.sqlite'), clock, topology: TEST_TOPOLOGY });
    for (const m of MIXED) {
      await single.publish('test-topic', m);
      await single.publish(TOPIC_NAMES.notificaciones, m);
    }

    // Act
    await broker.publishBatch('test-topic', MIXED);
    await broker.publishBatch(TOPIC_NAMES.notificaciones, MIXED);

    // Assess
    const one = await delivered(single);
    const batched = await delivered(broker);
    await single.close();
    expect(batched).toEqual(one);
    expect(batched.raw).toHaveLength(MIXED.length);
    expect(batched.urgent.map((m) => m.body)).toEqual(['big', 'critical']);
    expect(batched.email.map((m) => m.body)).toEqual(['big', 'small', 'no amount', 'critical']);
    expect(batched.processing.map((e) => [e.Message, e.Subject])).toEqual(
      MIXED.map((m) => [m.body, m.subject]),
    );
  });

  it('returns the message ids in entry order, each the SNS MessageId of its copy', async () => {
    const ids = await broker.publishBatch(TOPIC_NAMES.notificaciones, [
      { body: 'a' },
      { body: 'b' },
      { body: 'c' },
    ]);

    const received = await broker.receive(PROCESSING, NOW);

    expect(new Set(ids).size).toBe(3);
    expect(received.map((m) => envelopeSchema.parse(JSON.parse(m.body)).MessageId)).toEqual(ids);
  });

  it.each<[string, TopicMessage[], RegExp]>([
    ['an empty body', [{ body: 'a' }, { body: 'b' }, { body: '' }], /entry 2: a message body/],
    [
      'more than 10 attributes',
      [{ body: 'a' }, { body: 'b', attributes: Object.fromEntries([...'abcdefghijk'].map((k) => [k, 1])) }],
      /entry 1: .* at most 10 attributes/,
    ],
    ['a reserved attribute name', [{ body: 'a' }, { body: 'b', attributes: { 'aws.x': 'y' } }], /"aws\.x"/],
    ['a number that is not finite', [{ body: 'a' }, { body: 'b', attributes: { n: Infinity } }], /finite/],
    ['no entries', [], /batch size/],
    ['11 entries', Array.from({ length: 11 }, (_, i) => ({ body: `m${i}` })), /batch size .* got 11/],
    [
      'entries over 256 KiB together',
      [{ body: 'x'.repeat(128 * KIB) }, { body: 'y'.repeat(128 * KIB + 1) }],
      /at most 262144 bytes in total/,
    ],
  ])('fails if a batch carries %s, and delivers none of it', async (_case, messages, error) => {
    const urgent = { priority: 'critical', amount: 500 };
    const batch = messages.map((m) => ({ ...m, attributes: { ...urgent, ...m.attributes } }));

    await expect(broker.publishBatch('test-topic', batch)).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
      message: expect.stringMatching(error),
    });
    await expect(broker.sendBatch('raw-queue', batch)).rejects.toMatchObject({ code: 'INVALID_PARAMETER' });

    expect(await nothingDelivered(broker)).toBe(true);
  });

  it('accepts a batch of exactly 256 KiB together', async () => {
    const batch = [
      { body: 'x'.repeat(128 * KIB - 2), attributes: { a: 'b' } },
      { body: 'y'.repeat(128 * KIB) },
    ];

    const published = await broker.publishBatch('test-topic', batch);
    const sent = await broker.sendBatch(QUEUE_NAMES.cotizaciones, batch);

    expect([published.length, sent.length]).toEqual([2, 2]);
  });

  it('delivers none of a batch when the transaction fails halfway through the fan-out', async () => {
    // Prepare: another connection makes the write of the third copy fail, as a full disk would
    const other = new Database(dir.path());
    other.exec(`CREATE TRIGGER poison BEFORE INSERT ON messages WHEN NEW.body LIKE '%poison%'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    other.close();
    const batch = ['first', 'second', 'poison', 'last'].map((body) => ({
      body,
      attributes: { priority: 'critical' },
    }));

    // Act
    const publishing = broker.publishBatch(TOPIC_NAMES.notificaciones, batch);

    // Assess: neither the queue copies nor the email records of first and second remain
    await expect(publishing).rejects.toThrow('database or disk is full');
    expect(await nothingDelivered(broker)).toBe(true);
    await broker.publishBatch(TOPIC_NAMES.notificaciones, [{ body: 'after' }]);
    expect((await delivered(broker)).processing.map((e) => e.Message)).toEqual(['after']);
  });

  it('fails with the known topics if the topic does not exist', async () => {
    await expect(broker.publishBatch('arka-nope', [{ body: 'x' }])).rejects.toMatchObject({
      code: 'TOPIC_NOT_FOUND',
      message: expect.stringContaining(TOPIC_NAMES.notificaciones),
    });
  });
});
