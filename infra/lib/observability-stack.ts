import {
  Duration,
  Stack,
  aws_cloudwatch as cw,
  aws_cloudwatch_actions as actions,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { QUEUES, TOPIC_NAMES } from '@arka/messaging';
import type { Construct } from 'constructs';
import { topicParameter } from './messaging-stack';
import { names } from './names';
import { readParameter } from './parameters';
import type { ArkaStackProps } from './settings';

const FIVE_MINUTES = Duration.minutes(5);
const ONE_MINUTE = Duration.minutes(1);
const GIB = 1024 ** 3;
/** Alarm when free storage falls under this share of the allocated storage. */
const FREE_STORAGE_SHARE = 0.1;

/**
 * The alarms of the design, all sent to the critical-alerts topic, and one
 * dashboard. Metrics are addressed by the fixed names the other stacks give their
 * resources, or by dimensions they publish in SSM.
 */
export class ObservabilityStack extends Stack {
  readonly alarms: cw.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env, config } = props.settings;
    // CloudWatch publishes as a service; the messaging key policy lets it use the topic's key.
    const alerts = sns.Topic.fromTopicArn(
      this,
      'CriticalAlerts',
      readParameter(this, env, topicParameter(TOPIC_NAMES.criticalAlerts)),
    );
    const alarmAction = new actions.SnsAction(alerts);
    const alarm = (alarmId: string, props: cw.AlarmProps) => {
      const created = new cw.Alarm(this, alarmId, {
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
        ...props,
      });
      created.addAlarmAction(alarmAction);
      this.alarms.push(created);
      return created;
    };
    const gt = cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;

    const dlqDepth = QUEUES.map((queue) => {
      const metric = new cw.Metric({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensionsMap: { QueueName: names.queue(queue.deadLetterQueueName, env) },
        statistic: cw.Stats.MAXIMUM,
        period: FIVE_MINUTES,
      });
      alarm(`Dlq-${queue.deadLetterQueueName}`, {
        alarmName: `arka-${env}-dlq-${queue.deadLetterQueueName}`,
        alarmDescription: `Messages reached the dead-letter queue of ${queue.name}`,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: gt,
      });
      return metric;
    });

    const loadBalancer = readParameter(this, env, 'compute/alb-full-name');
    const targetGroup = readParameter(this, env, 'compute/gateway-target-group-full-name');
    const alb = (
      metricName: string,
      statistic: string,
      period: Duration,
      dims: Record<string, string> = { LoadBalancer: loadBalancer },
    ) =>
      new cw.Metric({ namespace: 'AWS/ApplicationELB', metricName, dimensionsMap: dims, statistic, period });
    const alb5xx = new cw.MathExpression({
      label: 'ALB + target 5xx',
      expression: 'FILL(elb, 0) + FILL(target, 0)',
      usingMetrics: {
        elb: alb('HTTPCode_ELB_5XX_Count', cw.Stats.SUM, FIVE_MINUTES),
        target: alb('HTTPCode_Target_5XX_Count', cw.Stats.SUM, FIVE_MINUTES),
      },
      period: FIVE_MINUTES,
    });
    alarm('Alb5xx', {
      alarmName: `arka-${env}-alb-5xx`,
      alarmDescription: 'The ALB or the gateway answered 5xx',
      metric: alb5xx,
      threshold: 10,
      evaluationPeriods: 1,
      comparisonOperator: gt,
    });
    const unhealthy = alb('UnHealthyHostCount', cw.Stats.MAXIMUM, ONE_MINUTE, {
      LoadBalancer: loadBalancer,
      TargetGroup: targetGroup,
    });
    alarm('UnhealthyTargets', {
      alarmName: `arka-${env}-unhealthy-targets`,
      alarmDescription: 'A gateway task fails /actuator/health',
      metric: unhealthy,
      threshold: 1,
      evaluationPeriods: 3,
      comparisonOperator: gt,
    });

    const rds = (metricName: string, statistic: string) =>
      new cw.Metric({
        namespace: 'AWS/RDS',
        metricName,
        dimensionsMap: { DBInstanceIdentifier: names.mysqlInstance(env) },
        statistic,
        period: FIVE_MINUTES,
      });
    const rdsCpu = rds('CPUUtilization', cw.Stats.AVERAGE);
    alarm('RdsCpu', {
      alarmName: `arka-${env}-mysql-cpu`,
      alarmDescription: 'MySQL CPU above 80 % for 15 minutes',
      metric: rdsCpu,
      threshold: 80,
      evaluationPeriods: 3,
      comparisonOperator: gt,
    });
    const freeStorage = rds('FreeStorageSpace', cw.Stats.MINIMUM);
    alarm('RdsFreeStorage', {
      alarmName: `arka-${env}-mysql-free-storage`,
      alarmDescription: `MySQL free storage under ${FREE_STORAGE_SHARE * 100} % of the allocated ${config.mysql.allocatedStorageGiB} GiB`,
      metric: freeStorage,
      threshold: config.mysql.allocatedStorageGiB * GIB * FREE_STORAGE_SHARE,
      evaluationPeriods: 1,
      comparisonOperator: cw.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    const lambdaErrors = [names.notificationsFunction(env), names.metricsFunction(env)].map(
      (functionName) => {
        const metric = new cw.Metric({
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensionsMap: { FunctionName: functionName },
          statistic: cw.Stats.SUM,
          period: FIVE_MINUTES,
        });
        alarm(`LambdaErrors-${functionName}`, {
          alarmName: `arka-${env}-lambda-errors-${functionName}`,
          alarmDescription: `${functionName} failed`,
          metric,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: gt,
        });
        return metric;
      },
    );

    const dashboard = new cw.Dashboard(this, 'Dashboard', { dashboardName: `arka-${env}` });
    dashboard.addWidgets(
      new cw.GraphWidget({ title: 'ALB 5xx', left: [alb5xx] }),
      new cw.GraphWidget({ title: 'Unhealthy gateway targets', left: [unhealthy] }),
      new cw.GraphWidget({ title: 'Dead-letter queue depth', left: dlqDepth }),
    );
    dashboard.addWidgets(
      new cw.GraphWidget({ title: 'MySQL CPU %', left: [rdsCpu] }),
      new cw.GraphWidget({ title: 'MySQL free storage (bytes)', left: [freeStorage] }),
      new cw.GraphWidget({ title: 'Lambda errors', left: lambdaErrors }),
    );
    dashboard.addWidgets(new cw.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }));
  }
}
