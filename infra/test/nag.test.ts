import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations, aws_sqs as sqs } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { listAcknowledgements, readNagReport } from '../lib/nag-report';
import { ENVS, synth } from './helpers/synth';

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
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'arka-nag-')) });
    const stack = new Stack(app, 'Bad');
    new sqs.Queue(stack, 'NoDlqNoTls');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });

  it('reports a finding that is not acknowledged and drops it once acknowledged with a reason', () => {
    const build = (acknowledge: boolean) => {
      const app = new App({
        outdir: mkdtempSync(join(tmpdir(), 'arka-nag-')),
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
