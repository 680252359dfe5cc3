import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { QUEUE_NAMES, queueDefinition } from '@arka/messaging';
import { describe, expect, it } from 'vitest';
import {
  METRICS_SCHEDULE,
  NOTIFICATIONS_TIMEOUT_SECONDS,
  VISIBILITY_TO_TIMEOUT_RATIO,
  assertTimeoutFitsVisibility,
} from '../lib/serverless-stack';
import { synth } from './helpers/synth';

// The one place the functions are bundled for real, with the local esbuild.
const bundled = synth('dev', { bundle: true });
const template = bundled.template(bundled.stacks.serverless);
const functionNamed = (name: string) => {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).find(
    ([, r]) => r.Properties.FunctionName === name,
  );
  if (found === undefined) throw new Error(`no function ${name}`);
  return { id: found[0], props: found[1].Properties };
};

describe('serverless stack', () => {
  it.each(['arka-notifications-dev', 'arka-metrics-dev'])(
    'bundles %s from the project handler into a Node.js 20 function with X-Ray tracing',
    (name) => {
      const fn = functionNamed(name);
      const assetHash = String(fn.props.Code.S3Key).replace(/\.zip$/, '');
      const assetDir = join(bundled.assembly.directory, `asset.${assetHash}`);

      expect(fn.props).toMatchObject({
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
      });
      expect(existsSync(join(assetDir, 'index.js'))).toBe(true);
      expect(statSync(join(assetDir, 'index.js')).size).toBeGreaterThan(10_000);
    },
  );

  it('consumes the processing queue with partial batch failures and a maximum concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionNamed('arka-notifications-dev').id },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
      BatchSize: 10,
    });
  });

  it('times the notifications function out so that six times its timeout fits the visibility timeout', () => {
    const visibility = queueDefinition(QUEUE_NAMES.notificacionesProcessing)?.visibilityTimeoutSeconds ?? 0;
    const timeout = functionNamed('arka-notifications-dev').props.Timeout;

    expect(timeout).toBe(NOTIFICATIONS_TIMEOUT_SECONDS);
    expect(timeout * VISIBILITY_TO_TIMEOUT_RATIO).toBeLessThanOrEqual(visibility);
  });

  it('fails if six times the function timeout exceeds the queue visibility timeout', () => {
    const queue = queueDefinition(QUEUE_NAMES.notificacionesProcessing);
    if (queue === undefined) throw new Error('topology lost the processing queue');

    expect(() => assertTimeoutFitsVisibility(queue.visibilityTimeoutSeconds / 6, queue)).not.toThrow();
    expect(() => assertTimeoutFitsVisibility(queue.visibilityTimeoutSeconds / 6 + 1, queue)).toThrow(
      /× 6 exceeds the visibility timeout of arka-notificaciones-processing \(300 s\)/,
    );
  });

  it('configures the notifications function as its config.ts expects', () => {
    expect(functionNamed('arka-notifications-dev').props.Environment.Variables).toMatchObject({
      ENVIRONMENT: 'dev',
      AUDIT_TABLE_NAME: { Ref: expect.stringMatching(/^AuditTable/) },
      AUDIT_TTL_DAYS: '30',
      SES_FROM_ADDRESS: 'ops@example.com',
      CRITICAL_ALERTS_TOPIC_ARN: { Ref: expect.stringMatching(/messagingtopicarkacriticalalerts/) },
      SNS_CHANNEL: 'sns',
    });
  });

  it('configures the metrics function for the cluster and namespace', () => {
    expect(functionNamed('arka-metrics-dev').props.Environment.Variables).toMatchObject({
      ENVIRONMENT: 'dev',
      ECS_CLUSTER_NAME: 'arka-dev',
      METRICS_NAMESPACE: 'Arka/Valenzuela',
    });
  });

  it('runs the metrics function on an EventBridge schedule of one minute', () => {
    expect(METRICS_SCHEDULE).toBe('rate(1 minute)');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionNamed('arka-metrics-dev').id, 'Arn'] } })],
    });
  });

  it('keeps the audit table with its own KMS key, point-in-time recovery and TTL on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'arka-notifications-audit-dev',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
    });
  });

  it('writes function logs to log groups with retention', () => {
    for (const name of ['arka-notifications-dev', 'arka-metrics-dev']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/lambda/${name}`,
        RetentionInDays: 30,
      });
    }
  });

  it('limits PutMetricData to the Arka namespace and names the ECS resources it reads', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    const put = statements.find((s) => s.Action === 'cloudwatch:PutMetricData');
    const describeServices = statements.find((s) => s.Action === 'ecs:DescribeServices');

    expect(put.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': 'Arka/Valenzuela' } });
    expect(JSON.stringify(describeServices.Resource)).toContain('service/arka-dev/*');
  });

  it('lets the notifications function send only from its SES identity', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    const ses = statements.find((s) => JSON.stringify(s.Action).includes('ses:SendEmail'));

    expect(JSON.stringify(ses.Resource)).toContain('identity/ops@example.com');
    expect(JSON.stringify(ses.Resource)).toContain('identity/example.com');
  });
});
