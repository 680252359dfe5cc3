/**
 * SNS subscription filter policies, MessageAttributes scope, matched as SNS does:
 * a policy is an AND over its keys, each key an OR over its list of conditions;
 * string conditions match String attributes exactly (case-sensitive), numeric
 * conditions match Number attributes only; a message lacking an attribute the
 * policy names does not match unless the condition is `{ exists: false }`.
 * The message body is never searched. No npm library implements this matcher
 * on its own, so it lives here as a pure module.
 */
import { MessagingError } from './errors';
import type { FilterPolicy } from './topology';
import type { MessageAttributes } from './ports';

type AttributeValue = string | number;
type Condition = (value: AttributeValue | undefined) => boolean;
export type FilterPolicyMatcher = (attributes: MessageAttributes) => boolean;

const NUMERIC_OPERATORS = ['=', '<', '<=', '>', '>='] as const;
type NumericOperator = (typeof NUMERIC_OPERATORS)[number];

function invalid(detail: string): MessagingError {
  return new MessagingError('INVALID_FILTER_POLICY', `invalid filter policy: ${detail}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumericOperator(value: unknown): value is NumericOperator {
  return NUMERIC_OPERATORS.some((op) => op === value);
}

function compare(op: NumericOperator, actual: number, bound: number): boolean {
  switch (op) {
    case '=':
      return actual === bound;
    case '<':
      return actual < bound;
    case '<=':
      return actual <= bound;
    case '>':
      return actual > bound;
    case '>=':
      return actual >= bound;
  }
}

function numericCondition(spec: unknown): Condition {
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 4)) {
    throw invalid('"numeric" takes [op, value] or [op, value, op, value]');
  }
  const pairs: { op: NumericOperator; bound: number }[] = [];
  for (let i = 0; i < spec.length; i += 2) {
    const op: unknown = spec[i];
    const bound: unknown = spec[i + 1];
    if (!isNumericOperator(op)) throw invalid(`unknown numeric operator ${JSON.stringify(op)}`);
    if (typeof bound !== 'number' || !Number.isFinite(bound)) throw invalid('numeric bounds must be numbers');
    pairs.push({ op, bound });
  }
  const [lower, upper] = pairs;
  if (upper && lower && !(['>', '>='].includes(lower.op) && ['<', '<='].includes(upper.op))) {
    throw invalid('a numeric range is a lower bound (> or >=) followed by an upper bound (< or <=)');
  }
  return (value) => typeof value === 'number' && pairs.every(({ op, bound }) => compare(op, value, bound));
}

function stringOperand(key: string, spec: unknown): string {
  if (typeof spec !== 'string') throw invalid(`"${key}" takes a string`);
  return spec;
}

function exactCondition(expected: unknown): Condition {
  if (typeof expected === 'string') return (value) => value === expected;
  if (typeof expected === 'number' && Number.isFinite(expected)) return (value) => value === expected;
  throw invalid(`unsupported value ${JSON.stringify(expected)}`);
}

function anythingButCondition(spec: unknown): Condition {
  let excluded: Condition;
  if (isRecord(spec)) {
    const keys = Object.keys(spec);
    const [key] = keys;
    if (keys.length !== 1 || (key !== 'prefix' && key !== 'suffix' && key !== 'equals-ignore-case')) {
      throw invalid('"anything-but" takes a value, a list, or one of prefix, suffix, equals-ignore-case');
    }
    excluded = operatorCondition(key, spec[key]);
  } else {
    const values: unknown[] = Array.isArray(spec) ? spec : [spec];
    if (values.length === 0) throw invalid('"anything-but" needs at least one value');
    const each = values.map(exactCondition);
    excluded = (value) => each.some((c) => c(value));
  }
  return (value) => value !== undefined && !excluded(value);
}

function operatorCondition(key: string, spec: unknown): Condition {
  switch (key) {
    case 'prefix': {
      const prefix = stringOperand(key, spec);
      return (value) => typeof value === 'string' && value.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = stringOperand(key, spec);
      return (value) => typeof value === 'string' && value.endsWith(suffix);
    }
    case 'equals-ignore-case': {
      const expected = stringOperand(key, spec).toLowerCase();
      return (value) => typeof value === 'string' && value.toLowerCase() === expected;
    }
    case 'anything-but':
      return anythingButCondition(spec);
    case 'numeric':
      return numericCondition(spec);
    case 'exists': {
      if (typeof spec !== 'boolean') throw invalid('"exists" takes true or false');
      return (value) => (value !== undefined) === spec;
    }
    default:
      throw invalid(`unknown operator "${key}"`);
  }
}

function condition(spec: unknown): Condition {
  if (!isRecord(spec)) return exactCondition(spec);
  const keys = Object.keys(spec);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined) throw invalid('an operator object has exactly one key');
  return operatorCondition(key, spec[key]);
}

/** Validates `policy` and returns a matcher; throws INVALID_FILTER_POLICY on a malformed policy. */
export function compileFilterPolicy(policy: FilterPolicy): FilterPolicyMatcher {
  if (!isRecord(policy) || Object.keys(policy).length === 0) throw invalid('a policy is a non-empty object');
  const keyMatchers = Object.entries(policy).map(([key, spec]): FilterPolicyMatcher => {
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 2)
        throw invalid('"$or" takes a list of at least two policies');
      const alternatives = spec.map((alternative: FilterPolicy) => compileFilterPolicy(alternative));
      return (attributes) => alternatives.some((matches) => matches(attributes));
    }
    if (!Array.isArray(spec) || spec.length === 0) {
      throw invalid(`the conditions of "${key}" must be a non-empty list`);
    }
    const conditions = spec.map(condition);
    return (attributes) => {
      const value = Object.hasOwn(attributes, key) ? attributes[key] : undefined;
      return conditions.some((c) => c(value));
    };
  });
  return (attributes) => keyMatchers.every((matches) => matches(attributes));
}

/** True when a message with these attributes passes `policy`; no policy lets everything through. */
export function matchesFilterPolicy(
  policy: FilterPolicy | undefined,
  attributes: MessageAttributes,
): boolean {
  return policy === undefined || compileFilterPolicy(policy)(attributes);
}
