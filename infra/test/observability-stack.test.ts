import { QUEUES } from '@arka/messaging';
import { describe, expect, it } from 'vitest';
import { synth } from './helpers/synth';

const s = synth('dev');
const template = s.template(s.stacks.observability);
const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
const alarmNamed = (name: string) => {
  const found = alarms.find((a) => a.AlarmName === name);
  if (found === undefined)
    throw new Error(`no alarm ${name}; have ${alarms.map((a) => a.AlarmName).join(', ')}`);
  return found;
};
const criticalAlerts = { Ref: expect.stringMatching(/messagingtopicarkacriticalalerts/) };

describe('observability stack', () => {
  it('sends every alarm to the critical-alerts topic', () => {
    expect(alarms.length).toBeGreaterThanOrEqual(QUEUES.length + 6);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([criticalAlerts]);
  });

  it.each(QUEUES.map((q) => [q.deadLetterQueueName] as const))(
    'alarms as soon as a message reaches %s',
    (dlq) => {
      expect(alarmNamed(`arka-dev-dlq-${dlq}`)).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: `${dlq}-dev` }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    },
  );

  it('alarms on ALB 5xx (load balancer and targets) and on unhealthy gateway targets', () => {
    const fiveXx = alarmNamed('arka-dev-alb-5xx');
    const metricNames = fiveXx.Metrics.filter(
      (m: { MetricStat?: unknown }) => m.MetricStat !== undefined,
    ).map((m: { MetricStat: { Metric: { MetricName: string } } }) => m.MetricStat.Metric.MetricName);

    expect(metricNames).toEqual(
      expect.arrayContaining(['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count']),
    );
    expect(alarmNamed('arka-dev-unhealthy-targets')).toMatchObject({
      MetricName: 'UnHealthyHostCount',
      Namespace: 'AWS/ApplicationELB',
      Threshold: 1,
    });
  });

  it('alarms on MySQL CPU and free storage of the arka-mysql-<env> instance', () => {
    const dimensions = [{ Name: 'DBInstanceIdentifier', Value: 'arka-mysql-dev' }];

    expect(alarmNamed('arka-dev-mysql-cpu')).toMatchObject({
      MetricName: 'CPUUtilization',
      Threshold: 80,
      Dimensions: dimensions,
    });
    expect(alarmNamed('arka-dev-mysql-free-storage')).toMatchObject({
      MetricName: 'FreeStorageSpace',
      ComparisonOperator: 'LessThanOrEqualToThreshold',
      Threshold: 20 * 1024 ** 3 * 0.1,
      Dimensions: dimensions,
    });
  });

  it.each(['arka-notifications-dev', 'arka-metrics-dev'])('alarms on errors of %s', (functionName) => {
    expect(alarmNamed(`arka-dev-lambda-errors-${functionName}`)).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: functionName }],
    });
  });

  it('has one dashboard', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'arka-dev' });
  });
});
