import { App, Stack, Validations, aws_sqs as sqs } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { listAcknowledgements, readNagReport } from '../lib/nag-report';
import { ENVS, synth, tempDir } from './helpers/synth';

// Both suites read the same three synthesized environments (one synth each per file).

describe('cdk-nag AwsSolutions', () => {
  it.each(ENVS)('leaves no unacknowledged error or warning in any %s stack', (env) => {
    const { assembly, stacks } = synth(env);

    expect(readNagReport(assembly.directory).open.map(String)).toEqual([]);
    expect(stacks.all).toHaveLength(8);
  });

  it.each(ENVS)('gives every acknowledgement in %s a written reason', (env) => {
    const acknowledgements = listAcknowledgements(synth(env).app);

    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const ack of acknowledgements) {
      expect(ack.id, ack.path).toMatch(
        /^(AwsSolutions-[A-Z]+\d+(\[.+\])?|CloudFormation-Validate::[WF]\d+|Annotation::.+)$/,
      );
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('fails the synth of a stack with an unacknowledged finding (the check can fail)', () => {
    const app = new App({
      outdir: tempDir('arka-nag-'),
      builtinCloudFormationValidation: false,
    });
    const stack = new Stack(app, 'Bad');
    new sqs.Queue(stack, 'NoDlqNoTls');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });

  it('reports a finding that is not acknowledged and drops it once acknowledged with a reason', () => {
    const build = (acknowledge: boolean) => {
      const app = new App({
        outdir: tempDir('arka-nag-'),
        builtinCloudFormationValidation: false,
        context: { '@aws-cdk/core:failSynthOnValidationErrors': false },
      });
      const stack = new Stack(app, 'Queue');
      const queue = new sqs.Queue(stack, 'Q', { enforceSSL: true });
      if (acknowledge) {
        Validations.of(queue).acknowledge({
          id: 'AwsSolutions-SQS3',
          reason: 'test: this queue is a dead-letter queue itself',
        });
      }
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      return readNagReport(app.synth().directory).open.map((f) => f.rule);
    };

    expect(build(false)).toContain('AwsSolutions-SQS3');
    expect(build(true)).not.toContain('AwsSolutions-SQS3');
  });
});

/**
 * Actions AWS authorises only on "*" (no resource-level permission). Each appears
 * in the code next to a comment saying why; anything else must name resources.
 */
const NO_RESOURCE_LEVEL = new Set([
  'ecr:GetAuthorizationToken',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'ecs:ListServices',
  'cloudwatch:PutMetricData',
  'sns:Publish',
]);

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

describe('IAM and cross-stack references', () => {
  it.each(ENVS)(
    'names the resources of every IAM statement in %s, except actions that support none',
    (env) => {
      const s = synth(env);
      for (const stack of s.stacks.all) {
        const policies = Object.values(s.template(stack).findResources('AWS::IAM::Policy'));
        const statements: Statement[] = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
        for (const statement of statements.filter((st) => st.Resource === '*')) {
          const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
          expect(
            actions.filter((a) => !NO_RESOURCE_LEVEL.has(a)),
            `${stack.stackName}: ${JSON.stringify(statement)}`,
          ).toEqual([]);
        }
      }
    },
  );

  it('conditions the "*" statements that allow one: ListServices on the cluster, PutMetricData on the namespace', () => {
    const s = synth('dev');
    const statements: Statement[] = Object.values(
      s.template(s.stacks.serverless).findResources('AWS::IAM::Policy'),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const find = (action: string) => statements.find((st) => st.Action === action);

    expect(JSON.stringify(find('ecs:ListServices')?.Condition)).toContain('cluster/arka-dev');
    expect(find('cloudwatch:PutMetricData')?.Condition).toEqual({
      StringEquals: { 'cloudwatch:namespace': 'Arka/Valenzuela' },
    });
  });

  it.each(ENVS)(
    'shares values between %s stacks through SSM only: no CloudFormation export or import',
    (env) => {
      const s = synth(env);
      for (const stack of s.stacks.all) {
        const template = JSON.stringify(s.template(stack).toJSON());
        expect(template, stack.stackName).not.toContain('Fn::ImportValue');
        expect(template, stack.stackName).not.toContain('"Export"');
      }
    },
  );

  it('orders the deploys so every SSM parameter exists before a stack reads it', () => {
    const { stacks } = synth('dev');
    const dependsOn = (stack: { dependencies: { stackName: string }[] }) =>
      stack.dependencies.map((d) => d.stackName);

    expect(dependsOn(stacks.compute)).toEqual(
      expect.arrayContaining([
        'Arka-Dev-Network',
        'Arka-Dev-Registry',
        'Arka-Dev-Data',
        'Arka-Dev-Messaging',
      ]),
    );
    expect(dependsOn(stacks.data)).toContain('Arka-Dev-Network');
    expect(dependsOn(stacks.serverless)).toContain('Arka-Dev-Messaging');
    expect(dependsOn(stacks.edge)).toContain('Arka-Dev-Compute');
    expect(dependsOn(stacks.observability)).toEqual(
      expect.arrayContaining(['Arka-Dev-Compute', 'Arka-Dev-Serverless']),
    );
  });
});
