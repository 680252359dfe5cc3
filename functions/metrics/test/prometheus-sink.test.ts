import { describe, expect, it } from 'vitest';
import { createPrometheusSink, escapeLabelValue, labelName } from '../src/adapters/local/prometheus-sink';
import { metric } from '../src/domain/metric';

const T = new Date('2026-12-03T12:00:00Z');

describe('Prometheus sink', () => {
  it('renders the latest run in the text exposition format', async () => {
    // Prepare
    const sink = createPrometheusSink();
    const svc = { Environment: 'local', ClusterName: 'local', ServiceName: 'gateway' };

    // Act
    await sink.publish({
      timestamp: T,
      metrics: [
        metric('RunningTasks', 1, svc),
        metric('DesiredTasks', 1, svc),
        metric('RunningTasks', 0, { ...svc, ServiceName: 'say "hi"\\\nnow' }),
        metric('DatabaseStatus', 1, { Environment: 'local', DBInstanceIdentifier: 'cotizador-sqlite' }),
        metric('CollectorErrors', 0, { Environment: 'local' }),
      ],
    });

    // Assess
    expect(sink.render()).toBe(
      [
        '# HELP arka_service_desired_tasks Tasks the ECS service wants running.',
        '# TYPE arka_service_desired_tasks gauge',
        'arka_service_desired_tasks{environment="local",cluster_name="local",service_name="gateway"} 1',
        '# HELP arka_service_running_tasks Tasks of the ECS service that are running.',
        '# TYPE arka_service_running_tasks gauge',
        'arka_service_running_tasks{environment="local",cluster_name="local",service_name="gateway"} 1',
        'arka_service_running_tasks{environment="local",cluster_name="local",service_name="say \\"hi\\"\\\\\\nnow"} 0',
        '# HELP arka_database_up 1 when the database instance is available, else 0.',
        '# TYPE arka_database_up gauge',
        'arka_database_up{environment="local",db_instance_identifier="cotizador-sqlite"} 1',
        '# HELP arka_collector_errors Metric sources that failed during the last run.',
        '# TYPE arka_collector_errors gauge',
        'arka_collector_errors{environment="local"} 0',
        '',
      ].join('\n'),
    );
    expect(sink.lastTimestamp()).toEqual(T);
  });

  it('renders nothing before the first run', () => {
    expect(createPrometheusSink().render()).toBe('');
  });

  it('replaces the previous run whole, so a vanished service is no longer exposed', async () => {
    // Prepare
    const sink = createPrometheusSink();
    await sink.publish({ timestamp: T, metrics: [metric('RunningTasks', 1, { ServiceName: 'old' })] });

    // Act
    await sink.publish({ timestamp: T, metrics: [metric('RunningTasks', 2, { ServiceName: 'new' })] });

    // Assess
    expect(sink.render()).not.toContain('old');
    expect(sink.render()).toContain('arka_service_running_tasks{service_name="new"} 2');
  });

  it.each([
    ['Environment', 'environment'],
    ['ServiceName', 'service_name'],
    ['DBInstanceIdentifier', 'db_instance_identifier'],
    ['DBClusterIdentifier', 'db_cluster_identifier'],
    ['Multi-AZ', 'multi_az'],
    ['9Lives', '_9_lives'],
  ])('names the label of dimension %s %s', (dimension, label) => {
    expect(labelName(dimension)).toBe(label);
  });

  it('escapes backslash, double quote and newline in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });
});
