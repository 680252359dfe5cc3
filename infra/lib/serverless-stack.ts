import {
  ArnFormat,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  aws_dynamodb as dynamodb,
  aws_events as events,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_kms as kms,
} from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { QUEUE_NAMES, TOPIC_NAMES, queueDefinition, type QueueDefinition } from '@arka/messaging';
import type { Construct } from 'constructs';
import { ArkaFunction } from './arka-function';
import { ImportedMessaging } from './imported-messaging';
import { METRICS_NAMESPACE, names } from './names';
import type { EnvName } from './config';
import type { ArkaStackProps } from './settings';

export const NOTIFICATIONS_TIMEOUT_SECONDS = 30;
/** AWS's guidance for SQS event sources: visibility timeout ≥ 6 × function timeout. */
export const VISIBILITY_TO_TIMEOUT_RATIO = 6;
export const METRICS_SCHEDULE = 'rate(1 minute)';
export const AUDIT_TTL_ATTRIBUTE = 'expiresAt';

/** The notifications and metrics functions, the audit table and the schedule. */
export class ServerlessStack extends Stack {
  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env, config } = props.settings;
    const messaging = new ImportedMessaging(this, env);
    const retain = config.retainOnDelete;

    const auditKey = new kms.Key(this, 'AuditKey', {
      alias: `alias/arka/${env}/notifications-audit`,
      description: 'DynamoDB audit table of the notifications function',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const audit = new dynamodb.Table(this, 'AuditTable', {
      tableName: names.auditTable(env),
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: auditKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: AUDIT_TTL_ATTRIBUTE,
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    const processing = queueDefinition(QUEUE_NAMES.notificacionesProcessing);
    if (processing === undefined)
      throw new Error(`topology has no ${QUEUE_NAMES.notificacionesProcessing} queue`);
    const timeout = Duration.seconds(NOTIFICATIONS_TIMEOUT_SECONDS);
    assertTimeoutFitsVisibility(timeout.toSeconds(), processing);
    const alerts = messaging.topic(TOPIC_NAMES.criticalAlerts);
    const notifications = new ArkaFunction(this, 'Notifications', {
      functionName: names.notificationsFunction(env),
      entry: 'functions/notifications/src/handler.ts',
      timeout,
      memorySize: 512,
      config,
      environment: {
        ENVIRONMENT: env,
        AUDIT_TABLE_NAME: audit.tableName,
        AUDIT_TTL_DAYS: String(config.auditTtlDays),
        SES_FROM_ADDRESS: props.settings.sesFromAddress,
        CRITICAL_ALERTS_TOPIC_ARN: alerts.topicArn,
        SNS_CHANNEL: 'sns',
      },
    });
    notifications.fn.addEventSource(
      new SqsEventSource(messaging.queue(QUEUE_NAMES.notificacionesProcessing), {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: config.notificationsMaxConcurrency,
      }),
    );
    audit.grantReadWriteData(notifications.role);
    alerts.grantPublish(notifications.role);
    const sender = props.settings.sesFromAddress;
    notifications.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [sender, sender.slice(sender.indexOf('@') + 1)].map((identity) =>
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
        ),
      }),
    );
    notifications.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sns:Publish'],
        // SMS goes to a phone number, which has no ARN: SNS grants it only on "*" (push endpoints are covered too).
        resources: ['*'],
      }),
    );

    const metrics = new ArkaFunction(this, 'Metrics', {
      functionName: names.metricsFunction(env),
      entry: 'functions/metrics/src/handler.ts',
      timeout: Duration.seconds(50),
      memorySize: 256,
      config,
      environment: { ENVIRONMENT: env, ECS_CLUSTER_NAME: names.cluster(env), METRICS_NAMESPACE },
    });
    this.grantMetricsReads(metrics, env);
    new events.Rule(this, 'MetricsSchedule', {
      description: 'Collect Arka health metrics every minute',
      schedule: events.Schedule.expression(METRICS_SCHEDULE),
      targets: [new targets.LambdaFunction(metrics.fn, { retryAttempts: 0 })],
    });

    Validations.of(notifications.role).acknowledge({
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason: 'Action family granted by the CDK table/topic grant methods, limited to their KMS keys.',
    });
    Validations.of(notifications.role).acknowledge({
      id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      reason: 'Action family granted by the CDK table grant method, limited to the audit KMS key.',
    });
  }

  private grantMetricsReads(metrics: ArkaFunction, env: EnvName): void {
    const cluster = names.cluster(env);
    const rdsArn = (resource: string) =>
      this.formatArn({
        service: 'rds',
        resource,
        resourceName: '*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const statements = [
      // ListServices has no resource-level permission; the ecs:cluster condition pins it to our cluster.
      new iam.PolicyStatement({
        actions: ['ecs:ListServices'],
        resources: ['*'],
        conditions: {
          ArnEquals: {
            'ecs:cluster': this.formatArn({ service: 'ecs', resource: 'cluster', resourceName: cluster }),
          },
        },
      }),
      new iam.PolicyStatement({
        actions: ['ecs:DescribeServices'],
        resources: [this.formatArn({ service: 'ecs', resource: 'service', resourceName: `${cluster}/*` })],
      }),
      new iam.PolicyStatement({
        actions: ['ecs:DescribeClusters'],
        resources: [this.formatArn({ service: 'ecs', resource: 'cluster', resourceName: cluster })],
      }),
      // Listing calls (no identifier) are authorised against db:* / cluster:*; the function filters by name.
      new iam.PolicyStatement({
        actions: ['rds:DescribeDBInstances'],
        resources: [rdsArn('db')],
      }),
      new iam.PolicyStatement({
        actions: ['rds:DescribeDBClusters'],
        resources: [rdsArn('cluster')],
      }),
      // PutMetricData has no resource-level permission; the namespace condition is the limit.
      new iam.PolicyStatement({
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } },
      }),
    ];
    statements.forEach((statement) => metrics.role.addToPolicy(statement));
    for (const resource of ['db', 'cluster']) {
      Validations.of(metrics.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:rds:${this.region}:${this.account}:${resource}:*]`,
        reason:
          'Describe without an identifier (a paginated listing) is authorised only against every instance/cluster.',
      });
    }
    Validations.of(metrics.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecs:${this.region}:${this.account}:service/${cluster}/*]`,
      reason: 'Every service of this environment cluster, which the function reports on.',
    });
  }
}

/**
 * SQS keeps a batch invisible while the function retries it; with less than six
 * function timeouts of visibility, a slow batch reappears and is processed twice.
 */
export function assertTimeoutFitsVisibility(timeoutSeconds: number, queue: QueueDefinition): void {
  if (timeoutSeconds * VISIBILITY_TO_TIMEOUT_RATIO > queue.visibilityTimeoutSeconds) {
    throw new Error(
      `function timeout ${timeoutSeconds} s × ${VISIBILITY_TO_TIMEOUT_RATIO} exceeds the visibility timeout of ${queue.name} (${queue.visibilityTimeoutSeconds} s)`,
    );
  }
}
