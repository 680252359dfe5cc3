import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BrokerTopology } from '../../src/embedded/broker-topology';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import { QUEUE_NAMES, TOPIC_NAMES } from '../../src/topology';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';
import { queueDefinition, TEST_TOPOLOGY } from '../helpers/test-topology';

const NOW = { waitTimeSeconds: 0, maxMessages: 10 } as const;
const envelopeSchema = z.object({
  Type: z.literal('Notification'),
  MessageId: z.string().min(1),
  TopicArn: z.string(),
  Subject: z.string().optional(),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.literal('1'),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
  UnsubscribeURL: z.string().min(1),
  MessageAttributes: z
    .record(z.string(), z.object({ Type: z.enum(['String', 'Number']), Value: z.string() }))
    .optional(),
});

describe('embedded broker: topics', () => {
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

  it('wraps a message in the SNS envelope for a subscription without raw delivery', async () => {
    const { messageId } = await broker.publish(TOPIC_NAMES.notificaciones, {
      body: '{"id":"n1"}',
      subject: 'Cotización creada',
      attributes: { priority: 'normal', attempt: 2 },
    });

    const [received] = await broker.receive(QUEUE_NAMES.notificacionesProcessing, NOW);
    const envelope = envelopeSchema.parse(JSON.parse(received?.body ?? ''));

    expect(envelope).toMatchObject({
      MessageId: messageId,
      TopicArn: 'arn:aws:sns:local:000000000000:arka-notificaciones',
      Subject: 'Cotización creada',
      Message: '{"id":"n1"}',
      Timestamp: new Date(clock.now()).toISOString(),
      MessageAttributes: {
        priority: { Type: 'String', Value: 'normal' },
        attempt: { Type: 'Number', Value: '2' },
      },
    });
    expect(received?.attributes).toEqual({});
  });

  it('delivers the bare body and attributes to a raw-delivery subscription', async () => {
    await broker.publish('test-topic', { body: 'plain', attributes: { priority: 'low' } });

    const received = await broker.receive('raw-queue', NOW);

    expect(received.map((m) => [m.body, m.attributes])).toEqual([['plain', { priority: 'low' }]]);
  });

  it('fans one publish out to every subscribed queue whose filter policy matches', async () => {
    await broker.publish('test-topic', { body: 'big', attributes: { priority: 'high', amount: 150 } });
    await broker.publish('test-topic', { body: 'small', attributes: { priority: 'high', amount: 50 } });
    await broker.publish('test-topic', { body: 'wrong case', attributes: { priority: 'HIGH', amount: 150 } });
    await broker.publish('test-topic', { body: 'no amount', attributes: { priority: 'critical' } });
    await broker.publish('test-topic', { body: '{"amount":150}', attributes: { priority: 'critical' } });

    const raw = await broker.receive('raw-queue', NOW);
    const urgent = await broker.receive('urgent-queue', NOW);

    expect(raw).toHaveLength(5);
    expect(urgent.map((m) => m.body)).toEqual(['big']);
  });

  it('records what the ops email subscription would receive: critical and high only', async () => {
    for (const priority of ['low', 'normal', 'high', 'critical']) {
      await broker.publish(TOPIC_NAMES.notificaciones, { body: priority, attributes: { priority } });
    }
    const [email] = broker
      .listSubscriptions(TOPIC_NAMES.notificaciones)
      .filter((s) => s.protocol === 'email');

    const delivered = broker.listEndpointDeliveries(email?.id ?? '');
    const processing = await broker.receive(QUEUE_NAMES.notificacionesProcessing, NOW);

    expect(delivered.map((d) => d.body)).toEqual(['high', 'critical']);
    expect(processing).toHaveLength(4);
  });

  it('forgets what the email subscription matched after 14 days', async () => {
    await broker.publish(TOPIC_NAMES.notificaciones, { body: 'old', attributes: { priority: 'critical' } });
    clock.advanceSeconds(14 * 24 * 3600);
    await broker.publish(TOPIC_NAMES.notificaciones, { body: 'new', attributes: { priority: 'critical' } });
    const [email] = broker
      .listSubscriptions(TOPIC_NAMES.notificaciones)
      .filter((s) => s.protocol === 'email');

    expect(broker.listEndpointDeliveries(email?.id ?? '').map((d) => d.body)).toEqual(['new']);
  });

  it('accepts a publish to a topic without queue subscriptions and keeps it for the ops mailbox', async () => {
    const result = await broker.publish(TOPIC_NAMES.criticalAlerts, { body: 'alert' });

    expect(result.messageId).toMatch(/^[0-9a-f-]{36}$/);
    const subscriptions = broker.listSubscriptions(TOPIC_NAMES.criticalAlerts);
    expect(subscriptions.map((s) => s.protocol)).toEqual(['email']);
    expect(broker.listEndpointDeliveries(subscriptions[0]?.id ?? '').map((d) => d.body)).toEqual(['alert']);
  });

  it('fails with the known topics if the topic does not exist', async () => {
    await expect(broker.publish('arka-nope', { body: 'x' })).rejects.toMatchObject({
      code: 'TOPIC_NOT_FOUND',
      message: expect.stringContaining(TOPIC_NAMES.notificaciones),
    });
  });

  it('fails to open if a subscription carries a malformed filter policy', () => {
    const topology: BrokerTopology = {
      queues: [queueDefinition('q')],
      topics: [
        {
          name: 't',
          subscriptions: [
            { protocol: 'sqs', queue: 'q', rawMessageDelivery: true, filterPolicy: { a: 'x' } },
          ],
        },
      ],
    };

    expect(() => openBroker({ path: dir.path('bad.sqlite'), topology })).toThrow(/conditions of "a"/);
  });
});
