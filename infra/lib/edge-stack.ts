import {
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_route53 as route53,
  aws_route53_targets as route53Targets,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ConsoleBucket } from './console-bucket';
import { ORIGIN_VERIFY_HEADER, originVerifyValue } from './origin-verify';
import { publishParameter, readParameter } from './parameters';
import type { ArkaStackProps } from './settings';
import { EdgeWebAcl } from './web-acl';

/** Paths the gateway (behind the ALB) answers; everything else is the console from S3. */
export const API_PATH_PATTERNS = ['/api/*', '/auth/*', '/actuator/*', '/docs', '/docs/*'] as const;

/**
 * CloudFront in front of the ALB and the console bucket, guarded by the WAF web ACL, and the Route 53
 * alias when a hosted zone is given. CloudFront-scope WAF and certificates exist
 * only in us-east-1, which is why the whole app deploys there (settings.ts).
 */
export class EdgeStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly consoleBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env, config, certificateArn, domainName, hostedZone } = props.settings;
    const retain = config.retainOnDelete;

    const webAcl = new EdgeWebAcl(this, 'WebAcl', {
      name: `arka-${env}-edge`,
      rateLimit: config.wafRateLimit,
    });
    // CloudFront standard logs are delivered with ACLs, so this bucket keeps them enabled.
    const logs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the CloudFront access logs; logging its own access would recurse.',
    });

    const https = certificateArn !== undefined && domainName !== undefined;
    const origin = new origins.HttpOrigin(readParameter(this, env, 'compute/alb-dns-name'), {
      // With a certificate the ALB listens on HTTPS and its certificate matches the forwarded Host header.
      protocolPolicy: https
        ? cloudfront.OriginProtocolPolicy.HTTPS_ONLY
        : cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
      customHeaders: { [ORIGIN_VERIFY_HEADER]: originVerifyValue(env) },
    });
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: https
        ? cloudfront.OriginRequestPolicy.ALL_VIEWER
        : cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    this.consoleBucket = new ConsoleBucket(this, 'Console', { accessLogs: logs, retain }).bucket;
    // The console uses hash routes, so every page is index.html: no error-page rewrites needed.
    const consoleBehavior: cloudfront.BehaviorOptions = {
      origin: origins.S3BucketOrigin.withOriginAccessControl(this.consoleBucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      compress: true,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Arka ${env} console and API`,
      defaultRootObject: 'index.html',
      defaultBehavior: consoleBehavior,
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, apiBehavior])),
      webAclId: webAcl.acl.attrArn,
      domainNames: https ? [domainName] : undefined,
      certificate: https
        ? acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn)
        : undefined,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Customers and suppliers may connect from any country; the WAF rate and reputation rules apply instead.',
    });
    if (!https) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a certificate the distribution uses the default *.cloudfront.net certificate, whose TLS floor CloudFront fixes.',
      });
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR5',
        reason:
          'Without a certificate the ALB has no HTTPS listener; give -c certificateArn=… to encrypt CloudFront to origin.',
      });
    }

    publishParameter(
      this,
      env,
      'edge/console-bucket-name',
      this.consoleBucket.bucketName,
      'Bucket the CI uploads web/dist to',
    );
    publishParameter(
      this,
      env,
      'edge/distribution-id',
      this.distribution.distributionId,
      'Distribution to invalidate after a console upload',
    );

    if (hostedZone !== undefined && domainName !== undefined) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: hostedZone.id,
        zoneName: hostedZone.name,
      });
      for (const [id, Record] of [
        ['Alias', route53.ARecord],
        ['AliasV6', route53.AaaaRecord],
      ] as const) {
        new Record(this, id, {
          zone,
          recordName: domainName,
          target: route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(this.distribution)),
        });
      }
    }
  }
}
