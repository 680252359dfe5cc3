import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudWatchSink, MetricsPublishError } from '../src/adapters/aws/cloudwatch-sink';
import type { MetricsSink, MetricsSource } from '../src/application/ports';
import { runCollection } from '../src/application/run-collection';
import type { MetricBatch } from '../src/domain/metric';
import { fixedClock, recordingLogger } from './helpers/recording-logger';
import { throttlingError } from './helpers/throttling';

const cwMock = mockClient(CloudWatchClient);
afterEach(() => cwMock.reset());

const recordingSink = (): MetricsSink & { batches: MetricBatch[] } => {
  const batches: MetricBatch[] = [];
  return { batches, publish: async (batch) => void batches.push(batch) };
};
const source = (name: string, collect: MetricsSource['collect']): MetricsSource => ({ name, collect });
const databaseSource = source('rds', async () => [{ kind: 'database', identifier: 'db', available: true }]);

describe('runCollection', () => {
  it('stamps every metric of a run with the one timestamp the clock gave', async () => {
    // Prepare
    const sink = recordingSink();

    // Act
    const summary = await runCollection({
      sources: [databaseSource],
      sink,
      environment: 'dev',
      logger: recordingLogger(),
      clock: fixedClock('2026-12-03T12:00:00Z'),
    });

    // Assess
    expect(sink.batches).toHaveLength(1);
    expect(sink.batches[0]?.timestamp.toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(summary).toMatchObject({ metrics: 2, collectorErrors: 0, failedSources: [] });
  });

  it('logs each failing source by name and counts them all in CollectorErrors', async () => {
    // Prepare
    const sink = recordingSink();
    const logger = recordingLogger();
    const throttled = source('ecs:arka-cluster-dev', async () => Promise.reject(throttlingError()));
    const broken = source('documentdb', async () => Promise.reject(new Error('connection reset')));

    // Act
    const summary = await runCollection({
      sources: [throttled, databaseSource, broken],
      sink,
      environment: 'dev',
      logger,
    });

    // Assess
    expect(summary.failedSources).toEqual(['ecs:arka-cluster-dev', 'documentdb']);
    expect(sink.batches[0]?.metrics.map((m) => `${m.name}=${m.value}`)).toEqual([
      'DatabaseStatus=1',
      'CollectorErrors=2',
    ]);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([
      expect.objectContaining({
        message: 'metrics source failed',
        attributes: expect.objectContaining({
          source: 'ecs:arka-cluster-dev',
          error: expect.objectContaining({ name: 'ThrottlingException' }),
        }),
      }),
      expect.objectContaining({ attributes: expect.objectContaining({ source: 'documentdb' }) }),
    ]);
  });

  it('rejects, and logs no success, when the sink fails', async () => {
    // Prepare
    const logger = recordingLogger();
    const failingSink: MetricsSink = { publish: async () => Promise.reject(new Error('sink down')) };

    // Act
    const run = runCollection({ sources: [databaseSource], sink: failingSink, environment: 'dev', logger });

    // Assess
    await expect(run).rejects.toThrow('sink down');
    expect(logger.entries.filter((e) => e.message === 'metrics published')).toEqual([]);
  });

  it('fails loudly, sending nothing, when the clock is outside the window CloudWatch accepts', async () => {
    // Prepare: the run's clock is three weeks behind the real time the sink checks against.
    cwMock.on(PutMetricDataCommand).resolves({});
    const sink = createCloudWatchSink({
      client: new CloudWatchClient({ region: 'us-east-1' }),
      namespace: 'Arka/Valenzuela',
      now: () => new Date('2026-12-24T12:00:00Z'),
    });

    // Act
    const run = runCollection({
      sources: [databaseSource],
      sink,
      environment: 'dev',
      logger: recordingLogger(),
      clock: fixedClock('2026-12-03T12:00:00Z'),
    });

    // Assess
    await expect(run).rejects.toBeInstanceOf(MetricsPublishError);
    await expect(run).rejects.toThrow(/more than two weeks before/);
    expect(cwMock.commandCalls(PutMetricDataCommand)).toHaveLength(0);
  });
});
