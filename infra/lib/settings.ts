import type { StackProps } from 'aws-cdk-lib';
import { CONFIG, ENVIRONMENTS, isEnvName, type EnvName, type EnvironmentConfig } from './config';

/** Everything a stack needs to know about the deployment it belongs to. */
export interface ArkaSettings {
  readonly env: EnvName;
  readonly config: EnvironmentConfig;
  readonly account: string;
  readonly region: string;
  /** ACM certificate (us-east-1) for the ALB and CloudFront. @default - HTTP only on the ALB, CloudFront default domain */
  readonly certificateArn?: string;
  /** Public name of the API, e.g. api.arka.example. Required with a certificate or a hosted zone. */
  readonly domainName?: string;
  /** Route 53 zone holding domainName. @default - no DNS record */
  readonly hostedZone?: { readonly id: string; readonly name: string };
  /** Mailbox of the filtered ops subscription. */
  readonly opsEmail: string;
  /** SES identity the notifications function sends from. */
  readonly sesFromAddress: string;
  /** Tag of the service images in ECR. */
  readonly imageTag: string;
  /** Browser origins the gateway allows. */
  readonly corsOrigins: string;
}

export interface ArkaStackProps extends StackProps {
  readonly settings: ArkaSettings;
}

/** Read-only view of CDK context (`-c key=value`, cdk.json, cdk.context.json). */
export interface ContextSource {
  tryGetContext(key: string): unknown;
}

export const DEFAULT_ACCOUNT = '111111111111';
/** CloudFront only accepts WAF web ACLs and certificates from us-east-1, so the whole app lives there. */
export const EDGE_REGION = 'us-east-1';

export function settingsFromContext(node: ContextSource): ArkaSettings {
  const errors: string[] = [];
  const env = node.tryGetContext('env');
  if (!isEnvName(env)) {
    errors.push(
      `context "env" must be one of ${ENVIRONMENTS.join(', ')} (given: ${describe(env)}); pass -c env=dev`,
    );
  }
  const text = (key: string): string | undefined => {
    const value = node.tryGetContext(key);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      errors.push(`context "${key}" must be a string (given: ${describe(value)})`);
      return undefined;
    }
    return value;
  };
  const account = text('account') ?? DEFAULT_ACCOUNT;
  const region = text('region') ?? EDGE_REGION;
  const certificateArn = text('certificateArn');
  const domainName = text('domainName');
  const hostedZoneId = text('hostedZoneId');
  const hostedZoneName = text('hostedZoneName');
  const opsEmail = text('opsEmail') ?? 'ops@example.com';
  const imageTag = text('imageTag') ?? 'latest';

  if (!/^\d{12}$/.test(account)) errors.push(`context "account" must be 12 digits (given: ${account})`);
  if (region !== EDGE_REGION) {
    errors.push(
      `context "region" must be ${EDGE_REGION}: CloudFront takes its WAF web ACL and certificate only from there (given: ${region})`,
    );
  }
  if (certificateArn !== undefined && !certificateArn.startsWith(`arn:aws:acm:${EDGE_REGION}:`)) {
    errors.push(
      `context "certificateArn" must be an ACM certificate in ${EDGE_REGION} (given: ${certificateArn})`,
    );
  }
  if ((hostedZoneId === undefined) !== (hostedZoneName === undefined)) {
    errors.push('context "hostedZoneId" and "hostedZoneName" go together: give both or neither');
  }
  if ((certificateArn !== undefined || hostedZoneId !== undefined) && domainName === undefined) {
    errors.push('context "domainName" is required when "certificateArn" or a hosted zone is given');
  }
  if (hostedZoneName !== undefined && domainName !== undefined && !domainName.endsWith(hostedZoneName)) {
    errors.push(`context "domainName" (${domainName}) must be inside the hosted zone ${hostedZoneName}`);
  }
  const sesFromAddress = text('sesFromAddress') ?? opsEmail;
  for (const [key, value] of [
    ['opsEmail', opsEmail],
    ['sesFromAddress', sesFromAddress],
  ] as const) {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
      errors.push(`context "${key}" must be an email address (given: ${value})`);
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(imageTag))
    errors.push(`context "imageTag" is not a valid image tag (given: ${imageTag})`);

  if (errors.length > 0 || !isEnvName(env)) {
    throw new Error(`Invalid Arka context:\n- ${errors.join('\n- ')}`);
  }
  const defaultOrigin = domainName === undefined ? '' : `https://${domainName}`;
  return Object.freeze({
    env,
    config: CONFIG[env],
    account,
    region,
    certificateArn,
    domainName,
    hostedZone:
      hostedZoneId !== undefined && hostedZoneName !== undefined
        ? { id: hostedZoneId, name: hostedZoneName }
        : undefined,
    opsEmail,
    sesFromAddress,
    imageTag,
    corsOrigins: text('corsOrigins') ?? defaultOrigin,
  });
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
