import { RemovalPolicy, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface ConsoleBucketProps {
  /** Where S3 writes this bucket's access logs. */
  readonly accessLogs: s3.IBucket;
  /** Keep the bucket when the stack is deleted (prod). */
  readonly retain: boolean;
}

/**
 * The web console's files (web/dist): a private bucket that only the
 * distribution reads, through origin access control. CI uploads the build with
 * `aws s3 sync` (see infra/README.md).
 */
export class ConsoleBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ConsoleBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
  }
}
