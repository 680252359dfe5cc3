import { aws_sns as sns } from 'aws-cdk-lib';
import type { FilterPolicy } from '@arka/messaging';

/**
 * Turns a topology filter policy (plain SNS JSON) into the CDK form. Only the
 * shapes the topology uses are supported (an attribute matching a list of
 * strings); anything else fails the synth rather than silently widening a filter.
 */
export function toSubscriptionFilter(policy: FilterPolicy): Record<string, sns.SubscriptionFilter> {
  const result: Record<string, sns.SubscriptionFilter> = {};
  for (const [attribute, condition] of Object.entries(policy)) {
    if (
      !Array.isArray(condition) ||
      condition.length === 0 ||
      !condition.every((v) => typeof v === 'string')
    ) {
      throw new Error(
        `filter policy attribute "${attribute}" must be a non-empty list of strings (given: ${JSON.stringify(condition)})`,
      );
    }
    result[attribute] = sns.SubscriptionFilter.stringFilter({ allowlist: condition });
  }
  return result;
}
