import { spawnSync } from 'node:child_process';
import { App, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { CONFIG } from '../lib/config';
import { FixedSubnetCidrs } from '../lib/fixed-subnets';
import { toSubscriptionFilter } from '../lib/filter-policy';
import { INFRA_DIR } from '../lib/app-context';
import { settingsFromContext } from '../lib/settings';
import { tempDir } from './helpers/synth';

const context = (values: Record<string, unknown>) => new App({ context: values }).node;

describe('settingsFromContext', () => {
  it.each(['dev', 'staging', 'prod'] as const)(
    'reads env=%s with its config and the us-east-1 default',
    (env) => {
      const settings = settingsFromContext(context({ env }));

      expect(settings.env).toBe(env);
      expect(settings.config).toBe(CONFIG[env]);
      expect(settings.region).toBe('us-east-1');
      expect(settings.certificateArn).toBeUndefined();
    },
  );

  it('fails if env is unknown, naming the allowed values', () => {
    expect(() => settingsFromContext(context({ env: 'qa' }))).toThrow(
      /context "env" must be one of dev, staging, prod \(given: "qa"\)/,
    );
  });

  it('fails if env is missing', () => {
    expect(() => settingsFromContext(context({}))).toThrow(
      /must be one of dev, staging, prod \(given: nothing\)/,
    );
  });

  it('fails if the region is not us-east-1, where CloudFront takes its WAF and certificate', () => {
    expect(() => settingsFromContext(context({ env: 'dev', region: 'eu-west-1' }))).toThrow(
      /"region" must be us-east-1/,
    );
  });

  it('fails if a certificate is given without a domain name', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:111111111111:certificate/abc';

    expect(() => settingsFromContext(context({ env: 'dev', certificateArn }))).toThrow(
      /"domainName" is required/,
    );
  });

  it('fails if the certificate is not from us-east-1', () => {
    const certificateArn = 'arn:aws:acm:eu-west-1:111111111111:certificate/abc';

    expect(() =>
      settingsFromContext(context({ env: 'dev', certificateArn, domainName: 'api.arka.example' })),
    ).toThrow(/ACM certificate in us-east-1/);
  });

  it('fails if only half of the hosted zone is given', () => {
    expect(() =>
      settingsFromContext(context({ env: 'dev', hostedZoneId: 'Z123', domainName: 'api.arka.example' })),
    ).toThrow(/"hostedZoneId" and "hostedZoneName" go together/);
  });

  it('fails if the ops email is not an address, listing every problem at once', () => {
    const attempt = () => settingsFromContext(context({ env: 'dev', opsEmail: 'nobody', account: '12' }));

    expect(attempt).toThrow(/"account" must be 12 digits[\s\S]*"opsEmail" must be an email address/);
  });
});

describe('FixedSubnetCidrs', () => {
  it('fails if a subnet group has no fixed CIDR in the design', () => {
    const allocate = () =>
      new FixedSubnetCidrs().allocateSubnetsCidr({
        vpcCidr: '10.0.0.0/16',
        requestedSubnets: [
          {
            availabilityZone: 'a',
            subnetConstructId: 'x',
            configuration: { name: 'extra', subnetType: ec2.SubnetType.PUBLIC },
          },
        ],
      });

    expect(allocate).toThrow(/no fixed CIDR for subnet group "extra"/);
  });
});

describe('toSubscriptionFilter', () => {
  it('fails if an attribute is not a list of strings rather than widening the filter', () => {
    expect(() => toSubscriptionFilter({ priority: [{ prefix: 'cr' }] })).toThrow(
      /"priority" must be a non-empty list/,
    );
  });
});

describe('bin/arka.ts', () => {
  it('fails with the usage message, not a stack trace, when cdk passes an unknown env', () => {
    // This is how the CDK CLI hands `-c env=qa` to the app.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/arka.ts'], {
      cwd: INFRA_DIR,
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ env: 'qa' }),
        CDK_OUTDIR: tempDir('arka-bin-'),
      },
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('context "env" must be one of dev, staging, prod (given: "qa")');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
