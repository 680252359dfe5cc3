import {
  Duration,
  RemovalPolicy,
  Validations,
  aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from './origin-verify';

export const HEALTH_CHECK_PATH = '/actuator/health';
const FORBIDDEN = elbv2.ListenerAction.fixedResponse(403, {
  contentType: 'text/plain',
  messageBody: 'Forbidden',
});
export const DEREGISTRATION_DELAY_SECONDS = 60;

export interface PublicLoadBalancerProps {
  readonly vpc: ec2.IVpc;
  readonly securityGroup: ec2.ISecurityGroup;
  /** @default - HTTP listener on port 80 only */
  readonly certificateArn?: string;
  /** Value CloudFront sends in the origin-verify header; other requests get 403. */
  readonly originVerifyValue: string;
  readonly retainLogs: boolean;
}

/**
 * The internet-facing ALB (CloudFront's origin) with access logs, and one
 * listener: HTTPS with the certificate when given (port 80 then redirects),
 * plain HTTP otherwise. The listener answers 403 unless the request carries
 * CloudFront's origin-verify header.
 */
export class PublicLoadBalancer extends Construct {
  readonly alb: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  private readonly vpc: ec2.IVpc;
  private readonly originVerifyValue: string;

  constructor(scope: Construct, id: string, props: PublicLoadBalancerProps) {
    super(scope, id);
    this.vpc = props.vpc;
    this.originVerifyValue = props.originVerifyValue;
    // ALB access logs support SSE-S3 only, not KMS.
    const logs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the ALB access logs; logging its own access would recurse.',
    });

    this.alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: true,
      securityGroup: props.securityGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    });
    this.alb.logAccessLogs(logs, 'alb');

    if (props.certificateArn === undefined) {
      this.listener = this.alb.addListener('Http', {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction: FORBIDDEN,
      });
    } else {
      this.listener = this.alb.addListener('Https', {
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
        certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        open: false,
        defaultAction: FORBIDDEN,
      });
      this.alb.addRedirect({ sourcePort: 80, targetPort: 443 });
    }
  }

  /** Forwards to the targets only the requests that came through CloudFront. */
  forwardFromCloudFront(id: string, targetGroups: elbv2.IApplicationTargetGroup[]): void {
    this.listener.addTargetGroups(id, {
      priority: 10,
      conditions: [elbv2.ListenerCondition.httpHeader(ORIGIN_VERIFY_HEADER, [this.originVerifyValue])],
      targetGroups,
    });
  }

  /** A target group of IP targets checked on /actuator/health, drained for 60 s. */
  targetGroup(id: string, port: number): elbv2.ApplicationTargetGroup {
    return new elbv2.ApplicationTargetGroup(this, id, {
      vpc: this.vpc,
      port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      deregistrationDelay: Duration.seconds(DEREGISTRATION_DELAY_SECONDS),
      healthCheck: {
        path: HEALTH_CHECK_PATH,
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
  }
}
