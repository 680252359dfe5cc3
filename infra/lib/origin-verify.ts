import { SecretValue } from 'aws-cdk-lib';
import type { EnvName } from './config';

/**
 * CloudFront adds this header with a generated value to every request it sends to
 * the ALB, and the ALB forwards only requests that carry it: calling the ALB
 * directly would otherwise bypass the WAF. Both stacks reach the value through a
 * Secrets Manager dynamic reference by name, resolved by CloudFormation at deploy.
 */
export const ORIGIN_VERIFY_HEADER = 'X-Arka-Origin-Verify';

export const originVerifySecretName = (env: EnvName) => `arka/${env}/origin-verify`;

/** The header value as a `{{resolve:secretsmanager:…}}` reference (never the value itself). */
export function originVerifyValue(env: EnvName): string {
  return SecretValue.secretsManager(originVerifySecretName(env)).unsafeUnwrap();
}
