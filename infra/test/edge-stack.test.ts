import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { MANAGED_RULE_GROUPS } from '../lib/web-acl';
import { synth } from './helpers/synth';

const CERT = 'arn:aws:acm:us-east-1:111111111111:certificate/0000';
const WITH_DOMAIN = {
  certificateArn: CERT,
  domainName: 'api.arka.example',
  hostedZoneId: 'Z0123456789',
  hostedZoneName: 'arka.example',
};
const edge = (context?: Record<string, string>) => {
  const s = synth('prod', context === undefined ? {} : { context });
  return { stack: s.stacks.edge, template: s.template(s.stacks.edge) };
};

describe('edge stack', () => {
  it('lives in us-east-1, where CloudFront takes its web ACL', () => {
    expect(edge().stack.region).toBe('us-east-1');
  });

  it('has a CloudFront-scope web ACL with the AWS managed rules and a per-IP rate rule', () => {
    const acl = Object.values(edge().template.findResources('AWS::WAFv2::WebACL'))[0]?.Properties;

    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    for (const name of MANAGED_RULE_GROUPS) {
      expect(acl.Rules).toContainEqual(
        expect.objectContaining({
          Name: name,
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
          OverrideAction: { None: {} },
        }),
      );
    }
    expect(acl.Rules).toContainEqual(
      expect.objectContaining({
        Action: { Block: {} },
        Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
      }),
    );
  });

  it('puts CloudFront with the web ACL in front of the ALB, without caching the API', () => {
    const { template } = edge();

    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebAcl'), 'Arn'] },
        Origins: [
          Match.objectLike({
            DomainName: { Ref: Match.stringLikeRegexp('computealbdnsname') },
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'http-only' }),
            OriginCustomHeaders: [
              {
                HeaderName: 'X-Arka-Origin-Verify',
                HeaderValue: '{{resolve:secretsmanager:arka/prod/origin-verify:SecretString:::}}',
              },
            ],
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('creates no DNS record without a hosted zone', () => {
    edge().template.resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  it('serves the domain with the certificate over HTTPS to the origin and aliases it in Route 53', () => {
    const { template } = edge(WITH_DOMAIN);

    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['api.arka.example'],
        ViewerCertificate: Match.objectLike({
          AcmCertificateArn: CERT,
          MinimumProtocolVersion: 'TLSv1.2_2021',
        }),
        Origins: [
          Match.objectLike({ CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }) }),
        ],
      }),
    });
    for (const type of ['A', 'AAAA']) {
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'api.arka.example.',
        Type: type,
        HostedZoneId: 'Z0123456789',
        AliasTarget: Match.objectLike({
          DNSName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] },
        }),
      });
    }
  });
});
