import { aws_ssm as ssm } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EnvName } from './config';

/**
 * Cross-stack values travel through SSM parameters instead of CloudFormation
 * exports: a consumer reads the parameter at deploy time, so removing a consumer
 * (or changing what it uses) never blocks the producer's next deploy.
 *
 * Keys are relative to `/arka/<env>/`; none of them ever holds a password.
 */
export type ParameterKey =
  | `network/${string}`
  | `data/${string}`
  | `messaging/${string}`
  | `compute/${string}`
  | `registry/${string}`
  | `edge/${string}`;

export function parameterName(env: EnvName, key: ParameterKey): string {
  return `/arka/${env}/${key}`;
}

/** Publishes one value for other stacks to read. */
export function publishParameter(
  scope: Construct,
  env: EnvName,
  key: ParameterKey,
  value: string,
  description: string,
): ssm.StringParameter {
  const id = `Param-${key.replace(/[^A-Za-z0-9]/g, '-')}`;
  return new ssm.StringParameter(scope, id, {
    parameterName: parameterName(env, key),
    stringValue: value,
    description,
  });
}

/** Reads a value another stack published; resolved by CloudFormation at deploy time. */
export function readParameter(scope: Construct, env: EnvName, key: ParameterKey): string {
  return ssm.StringParameter.valueForStringParameter(scope, parameterName(env, key));
}
