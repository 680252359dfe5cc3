import { describe, expect, it } from 'vitest';
import { collectorErrorsMetric, readingsToMetrics, serviceHealth } from '../src/domain/readings-to-metrics';
import { belongsToEnvironment, isServingStatus } from '../src/domain/resource-naming';

describe('ServiceHealth', () => {
  it.each([
    { running: 2, desired: 2, health: 100 },
    { running: 3, desired: 2, health: 100 },
    { running: 1, desired: 2, health: 0 },
    { running: 0, desired: 0, health: 100 },
    { running: 0, desired: 1, health: 0 },
  ])('is $health with $running running of $desired desired', ({ running, desired, health }) => {
    expect(serviceHealth(running, desired)).toBe(health);
  });
});

describe('environment prefix', () => {
  it.each([
    { id: 'arka-mysql-dev', belongs: true },
    { id: 'arka-mysql-dev-replica-1', belongs: true },
    { id: 'arka-mysql-development', belongs: false },
    { id: 'arka-mysql-devx-1', belongs: false },
    { id: 'arka-mysql-prod', belongs: false },
    { id: 'x-arka-mysql-dev', belongs: false },
  ])('$id belongs to dev: $belongs', ({ id, belongs }) => {
    expect(belongsToEnvironment(id, 'arka-mysql-dev')).toBe(belongs);
  });
});

describe('database status mapping', () => {
  it.each([
    ['available', true],
    ['backing-up', true],
    ['storage-optimization', true],
    ['Available', true],
    ['creating', false],
    ['modifying', false],
    ['rebooting', false],
    ['stopped', false],
    ['failed', false],
    ['maintenance', false],
    [undefined, false],
  ])('%s counts as available: %s', (status, available) => {
    expect(isServingStatus(status)).toBe(available);
  });
});

describe('readings to metrics', () => {
  it('turns each reading into its metrics, with Environment on every one', () => {
    // Act
    const metrics = readingsToMetrics(
      [
        { kind: 'service', cluster: 'c', service: 's', desired: 2, running: 1, pending: 1 },
        { kind: 'cluster', cluster: 'c', activeServices: 1, runningTasks: 1, pendingTasks: 1 },
        { kind: 'database', identifier: 'arka-mysql-dev', available: true, multiAz: false },
        { kind: 'database', identifier: 'sqlite', available: false },
        { kind: 'documentdb', identifier: 'arka-documentdb-dev', available: true, instances: 3 },
        { kind: 'documentdb', identifier: 'local-docs', available: true },
      ],
      'dev',
    );

    // Assess
    const svc = { Environment: 'dev', ClusterName: 'c', ServiceName: 's' };
    const db = { Environment: 'dev', DBInstanceIdentifier: 'arka-mysql-dev' };
    const doc = { Environment: 'dev', DBClusterIdentifier: 'arka-documentdb-dev' };
    expect(metrics).toEqual([
      { name: 'DesiredTasks', value: 2, unit: 'Count', dimensions: svc },
      { name: 'RunningTasks', value: 1, unit: 'Count', dimensions: svc },
      { name: 'PendingTasks', value: 1, unit: 'Count', dimensions: svc },
      { name: 'ServiceHealth', value: 0, unit: 'Percent', dimensions: svc },
      {
        name: 'ActiveServicesCount',
        value: 1,
        unit: 'Count',
        dimensions: { Environment: 'dev', ClusterName: 'c' },
      },
      {
        name: 'RunningTasksCount',
        value: 1,
        unit: 'Count',
        dimensions: { Environment: 'dev', ClusterName: 'c' },
      },
      {
        name: 'PendingTasksCount',
        value: 1,
        unit: 'Count',
        dimensions: { Environment: 'dev', ClusterName: 'c' },
      },
      { name: 'DatabaseStatus', value: 1, unit: 'None', dimensions: db },
      { name: 'MultiAZ', value: 0, unit: 'None', dimensions: db },
      {
        name: 'DatabaseStatus',
        value: 0,
        unit: 'None',
        dimensions: { Environment: 'dev', DBInstanceIdentifier: 'sqlite' },
      },
      { name: 'DocumentDBStatus', value: 1, unit: 'None', dimensions: doc },
      { name: 'DocumentDBInstances', value: 3, unit: 'Count', dimensions: doc },
      {
        name: 'DocumentDBStatus',
        value: 1,
        unit: 'None',
        dimensions: { Environment: 'dev', DBClusterIdentifier: 'local-docs' },
      },
    ]);
  });

  it('counts failed sources in CollectorErrors with the Environment dimension only', () => {
    expect(collectorErrorsMetric(2, 'prod')).toEqual({
      name: 'CollectorErrors',
      value: 2,
      unit: 'Count',
      dimensions: { Environment: 'prod' },
    });
  });
});
