import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mockAws, describeDatum } from './helpers/aws-world';
import { manyServices, serveCluster } from './helpers/ecs-fixture';
import { throttlingError } from './helpers/throttling';

const aws = mockAws();
let handler: (event: ScheduledEvent, context?: Context) => Promise<unknown>;

const scheduledEvent: ScheduledEvent = {
  version: '0',
  id: 'evt-1',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-12-03T12:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/arka-metrics-dev'],
  detail: {},
};

beforeAll(async () => {
  vi.stubEnv('ENVIRONMENT', 'dev');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('ECS_CLUSTER_NAMES', 'arka-cluster-dev,arka-cluster-dev-batch');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  ({ handler } = await import('../src/handler'));
});
afterEach(() => aws.reset());
afterAll(() => vi.unstubAllEnvs());

describe('metrics handler (Lambda)', () => {
  it('publishes the exact metrics of services, clusters and the environment databases', async () => {
    // Prepare
    serveCluster(aws.ecs, 'arka-cluster-dev', [
      { name: 'gateway', desired: 2, running: 2, pending: 0 },
      { name: 'cotizador', desired: 2, running: 1, pending: 1 },
    ]);
    serveCluster(aws.ecs, 'arka-cluster-dev-batch', []);
    aws.serveDatabases('dev');
    aws.acceptMetrics();

    // Act
    await handler(scheduledEvent);

    // Assess
    const sent = aws.sentCalls();
    expect(sent).toHaveLength(1);
    expect(sent.flat().map(describeDatum)).toEqual([
      'DesiredTasks{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=gateway} 2 Count',
      'RunningTasks{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=gateway} 2 Count',
      'PendingTasks{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=gateway} 0 Count',
      'ServiceHealth{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=gateway} 100 Percent',
      'DesiredTasks{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=cotizador} 2 Count',
      'RunningTasks{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=cotizador} 1 Count',
      'PendingTasks{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=cotizador} 1 Count',
      'ServiceHealth{Environment=dev,ClusterName=arka-cluster-dev,ServiceName=cotizador} 0 Percent',
      'ActiveServicesCount{Environment=dev,ClusterName=arka-cluster-dev} 2 Count',
      'RunningTasksCount{Environment=dev,ClusterName=arka-cluster-dev} 3 Count',
      'PendingTasksCount{Environment=dev,ClusterName=arka-cluster-dev} 1 Count',
      'ActiveServicesCount{Environment=dev,ClusterName=arka-cluster-dev-batch} 0 Count',
      'RunningTasksCount{Environment=dev,ClusterName=arka-cluster-dev-batch} 0 Count',
      'PendingTasksCount{Environment=dev,ClusterName=arka-cluster-dev-batch} 0 Count',
      'DatabaseStatus{Environment=dev,DBInstanceIdentifier=arka-mysql-dev} 1 None',
      'MultiAZ{Environment=dev,DBInstanceIdentifier=arka-mysql-dev} 1 None',
      'DocumentDBStatus{Environment=dev,DBClusterIdentifier=arka-documentdb-dev} 1 None',
      'DocumentDBInstances{Environment=dev,DBClusterIdentifier=arka-documentdb-dev} 2 Count',
      'CollectorErrors{Environment=dev} 0 Count',
    ]);
    expect(aws.cloudwatch.commandCalls(PutMetricDataCommand)[0]?.args[0].input.Namespace).toBe(
      'Arka/Valenzuela',
    );
  });

  // Per fleet size: 4 metrics per service, 3 per cluster (two clusters), 2 per database (2), CollectorErrors.
  it.each([
    { services: 0, metrics: 11, calls: [11] },
    { services: 1, metrics: 15, calls: [15] },
    { services: 10, metrics: 51, calls: [51] },
    { services: 11, metrics: 55, calls: [55] },
    { services: 250, metrics: 1011, calls: [1000, 11] },
  ])(
    'with $services services sends $metrics metrics in $calls.length call(s), all at one timestamp',
    async (row) => {
      // Prepare
      serveCluster(aws.ecs, 'arka-cluster-dev', manyServices(row.services));
      serveCluster(aws.ecs, 'arka-cluster-dev-batch', []);
      aws.serveDatabases('dev');
      aws.acceptMetrics();

      // Act
      await handler(scheduledEvent);

      // Assess
      const sent = aws.sentCalls();
      expect(sent.map((call) => call.length)).toEqual(row.calls);
      const data = sent.flat();
      expect(data).toHaveLength(row.metrics);
      expect(new Set(data.map((d) => d.Timestamp?.getTime())).size).toBe(1);
      expect(
        data.every((d) => d.Dimensions?.some((dim) => dim.Name === 'Environment' && dim.Value === 'dev')),
      ).toBe(true);
      expect(data.filter((d) => d.MetricName === 'ServiceHealth' && d.Value === 0)).toHaveLength(
        Math.ceil(row.services / 3),
      );
    },
  );

  it('still reports the other sources when RDS is throttled, and counts it in CollectorErrors', async () => {
    // Prepare
    serveCluster(aws.ecs, 'arka-cluster-dev', manyServices(2));
    serveCluster(aws.ecs, 'arka-cluster-dev-batch', []);
    aws.serveDatabases('dev');
    aws.rds.on(DescribeDBInstancesCommand).rejects(throttlingError());
    aws.acceptMetrics();

    // Act
    await handler(scheduledEvent);

    // Assess
    const names = aws
      .sentCalls()
      .flat()
      .map((d) => d.MetricName);
    expect(names).not.toContain('DatabaseStatus');
    expect(names).not.toContain('MultiAZ');
    expect(names.filter((n) => n === 'RunningTasks')).toHaveLength(2);
    expect(names).toContain('DocumentDBStatus');
    expect(
      aws
        .sentCalls()
        .flat()
        .filter((d) => d.MetricName === 'CollectorErrors')
        .map(describeDatum),
    ).toEqual(['CollectorErrors{Environment=dev} 1 Count']);
  });

  it('rejects when PutMetricData fails, so the invocation is retried', async () => {
    // Prepare
    serveCluster(aws.ecs, 'arka-cluster-dev', manyServices(1));
    serveCluster(aws.ecs, 'arka-cluster-dev-batch', []);
    aws.serveDatabases('dev');
    aws.cloudwatch.on(PutMetricDataCommand).rejects(throttlingError());

    // Act
    const invocation = handler(scheduledEvent);

    // Assess
    await expect(invocation).rejects.toThrow(/PutMetricData failed: call 1\/1: ThrottlingException/);
  });
});
