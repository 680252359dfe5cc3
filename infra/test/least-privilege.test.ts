import { describe, expect, it } from 'vitest';
import { ENVS, synth } from './helpers/synth';

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
