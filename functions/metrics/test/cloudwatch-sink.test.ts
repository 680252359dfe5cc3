import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUDWATCH_LIMITS } from '../src/adapters/aws/cloudwatch-limits';
import { createCloudWatchSink, MetricsPublishError } from '../src/adapters/aws/cloudwatch-sink';
import { planRequests, toDatum } from '../src/adapters/aws/metric-batches';
import { metric, type Metric } from '../src/domain/metric';

const cwMock = mockClient(CloudWatchClient);
const client = new CloudWatchClient({ region: 'us-east-1' });
const NOW = new Date('2026-12-03T12:00:00Z');
const NAMESPACE = 'Arka/Valenzuela';
const HOUR = 60 * 60 * 1000;

afterEach(() => cwMock.reset());

const sink = () => createCloudWatchSink({ client, namespace: NAMESPACE, now: () => NOW });
const metrics = (count: number, dims: Record<string, string> = { Environment: 'dev' }): Metric[] =>
  Array.from({ length: count }, (_, i) => metric('RunningTasks', i, { ...dims, ServiceName: `svc-${i}` }));
const putCalls = () => cwMock.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input);

describe('CloudWatch sink', () => {
  it.each([
    { count: 1, sizes: [1] },
    { count: 1000, sizes: [1000] },
    { count: 1001, sizes: [1000, 1] },
    { count: 2500, sizes: [1000, 1000, 500] },
  ])('sends $count metrics in $sizes.length PutMetricData calls', async ({ count, sizes }) => {
    // Prepare
    cwMock.on(PutMetricDataCommand).resolves({});

    // Act
    await sink().publish({ timestamp: NOW, metrics: metrics(count) });

    // Assess
    expect(putCalls().map((input) => input.MetricData?.length)).toEqual(sizes);
    expect(putCalls().every((input) => input.Namespace === NAMESPACE)).toBe(true);
  });

  it('maps each metric to a datum with its dimensions, unit and the batch timestamp', async () => {
    // Prepare
    cwMock.on(PutMetricDataCommand).resolves({});

    // Act
    await sink().publish({
      timestamp: NOW,
      metrics: [metric('ServiceHealth', 100, { Environment: 'dev', ClusterName: 'c', ServiceName: 's' })],
    });

    // Assess
    expect(putCalls()[0]?.MetricData).toEqual([
      {
        MetricName: 'ServiceHealth',
        Dimensions: [
          { Name: 'Environment', Value: 'dev' },
          { Name: 'ClusterName', Value: 'c' },
          { Name: 'ServiceName', Value: 's' },
        ],
        Timestamp: NOW,
        Value: 100,
        Unit: 'Percent',
      },
    ]);
  });

  it('splits before the item limit when the request size limit is reached first', async () => {
    // Prepare: 30 dimensions of 1000 characters make each datum about 31 kB.
    cwMock.on(PutMetricDataCommand).resolves({});
    const wide = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [`D${i}`, 'x'.repeat(1000)]));
    const batch = { timestamp: NOW, metrics: metrics(100, wide) };
    const datumSize = Math.max(
      ...batch.metrics.map((m) => Buffer.byteLength(JSON.stringify(toDatum(m, NOW)))),
    );
    const envelope = Buffer.byteLength(JSON.stringify({ Namespace: NAMESPACE, MetricData: [] }));

    // Act
    await sink().publish(batch);

    // Assess
    const sizes = putCalls().map((input) => input.MetricData?.length ?? 0);
    const perCall = Math.floor((CLOUDWATCH_LIMITS.maxPayloadBytes - envelope) / (datumSize + 1));
    expect(perCall).toBeLessThan(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
    expect(sizes.length).toBe(Math.ceil(100 / perCall));
    for (const input of putCalls()) {
      expect(Buffer.byteLength(JSON.stringify(input))).toBeLessThanOrEqual(CLOUDWATCH_LIMITS.maxPayloadBytes);
    }
  });

  it('fails if a single metric is larger than a request may be', () => {
    const data = metrics(1).map((m) => toDatum(m, NOW));
    expect(() => planRequests(NAMESPACE, data, { maxItemsPerCall: 1000, maxPayloadBytes: 100 })).toThrow(
      /alone exceeds the 100-byte request limit/,
    );
  });

  it.each([
    {
      label: 'more than two weeks old',
      timestamp: new Date(NOW.getTime() - 14 * 24 * HOUR - 1),
      rule: /two weeks/,
    },
    {
      label: 'more than two hours ahead',
      timestamp: new Date(NOW.getTime() + 2 * HOUR + 1),
      rule: /two hours/,
    },
    { label: 'not a date', timestamp: new Date('nonsense'), rule: /not a valid date/ },
  ])('fails without sending anything if the timestamp is $label', async ({ timestamp, rule }) => {
    // Prepare
    cwMock.on(PutMetricDataCommand).resolves({});

    // Act
    const publishing = sink().publish({ timestamp, metrics: metrics(3) });

    // Assess
    await expect(publishing).rejects.toThrow(rule);
    expect(putCalls()).toHaveLength(0);
  });

  it.each([
    { label: 'exactly two weeks old', timestamp: new Date(NOW.getTime() - 14 * 24 * HOUR) },
    { label: 'exactly two hours ahead', timestamp: new Date(NOW.getTime() + 2 * HOUR) },
  ])('accepts a timestamp $label', async ({ timestamp }) => {
    cwMock.on(PutMetricDataCommand).resolves({});
    await sink().publish({ timestamp, metrics: metrics(1) });
    expect(putCalls()).toHaveLength(1);
  });

  it.each([
    {
      label: 'more than 30 dimensions',
      m: metrics(1, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`D${i}`, 'v']))),
      rule: /31 dimensions, at most 30/,
    },
    {
      label: 'a NaN value',
      m: [metric('DesiredTasks', Number.NaN, { Environment: 'dev' })],
      rule: /not a finite number/,
    },
    {
      label: 'an empty dimension value',
      m: [metric('DesiredTasks', 1, { Environment: '' })],
      rule: /Environment must have 1 to 1024/,
    },
  ])('fails without sending anything if a metric has $label', async ({ m, rule }) => {
    // Prepare
    cwMock.on(PutMetricDataCommand).resolves({});

    // Act
    const publishing = sink().publish({ timestamp: NOW, metrics: [...metrics(5), ...m] });

    // Assess
    await expect(publishing).rejects.toBeInstanceOf(MetricsPublishError);
    await expect(publishing).rejects.toThrow(rule);
    expect(putCalls()).toHaveLength(0);
  });

  it('fails if any PutMetricData call fails, naming the call and keeping the cause', async () => {
    // Prepare
    const refused = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    cwMock.on(PutMetricDataCommand).resolvesOnce({}).rejectsOnce(refused);

    // Act
    const publishing = sink().publish({ timestamp: NOW, metrics: metrics(1500) });

    // Assess
    await expect(publishing).rejects.toThrow(
      'PutMetricData failed: call 2/2: ThrottlingException: Rate exceeded',
    );
    await expect(publishing).rejects.toHaveProperty('cause', refused);
  });
});
