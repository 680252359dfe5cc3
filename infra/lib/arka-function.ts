import {
  Duration,
  RemovalPolicy,
  Validations,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { INFRA_DIR } from './app-context';
import type { EnvironmentConfig } from './config';

/** The repository root: entries, lockfile and esbuild resolve from here in any clone. */
export const REPO_ROOT = `${INFRA_DIR}..`;

export interface ArkaFunctionProps {
  readonly functionName: string;
  /** Handler file relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly config: EnvironmentConfig;
}

/**
 * A Node.js 20 function bundled from the project's own handler with the local
 * esbuild (no Docker), traced with X-Ray, logging to a log group with retention,
 * under a role that starts empty: every permission is granted by the caller.
 */
export class ArkaFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ArkaFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.config.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: write access to this log group only.
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: `${REPO_ROOT}/${props.entry}`,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      runtime: lambda.Runtime.NODEJS_20_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: 'node20',
        minify: true,
        sourceMap: true,
        // Bundle the SDK clients too: the versions the tests ran against, not the runtime's.
        externalModules: [],
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The project targets Node.js 20 everywhere (TOOLCHAIN.md); the runtime moves with the whole toolchain.',
    });
    Validations.of(this.fn).acknowledge({
      id: 'CloudFormation-Validate::W2531',
      reason:
        'nodejs20.x is the runtime the design pins; moving to nodejs22.x/24.x is tracked with the toolchain upgrade (infra/README.md).',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords and the statements commented in serverless-stack.ts support no resource-level permission.',
    });
  }
}
