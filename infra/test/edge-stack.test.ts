import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { API_PATH_PATTERNS } from '../lib/edge-stack';
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
        Origins: Match.arrayWith([
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
        ]),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
    const config = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]?.Properties
      .DistributionConfig;
    const patterns = config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern);
    expect(patterns).toEqual([...API_PATH_PATTERNS]);
    for (const behavior of config.CacheBehaviors) {
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
        AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'DELETE']),
      });
    }
  });

  it('serves the console from a private bucket through origin access control by default', () => {
    const { template } = edge();

    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // CachingOptimized
          AllowedMethods: ['GET', 'HEAD'],
          Compress: true,
        }),
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsoleBucket'), 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] },
          }),
        ]),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'console-bucket/' }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/arka/prod/edge/console-bucket-name' });
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
        Origins: Match.arrayWith([
          Match.objectLike({ CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }) }),
        ]),
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
