import { z } from 'zod';

const DEFAULT_NAMESPACE = 'Arka/Valenzuela';

// An empty variable is treated as unset: deploy tooling often writes `X=` for "none".
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const splitNames = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);

// "required" rather than zod's "expected string, received undefined".
const required = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : undefined),
};

const envSchema = z.object({
  ENVIRONMENT: z
    .string(required)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, e.g. dev'),
  AWS_REGION: z.string(required).min(1),
  METRICS_NAMESPACE: optionalText.pipe(z.string().max(255).default(DEFAULT_NAMESPACE)),
  ECS_ENDPOINT: optionalUrl,
  RDS_ENDPOINT: optionalUrl,
  DOCDB_ENDPOINT: optionalUrl,
  CLOUDWATCH_ENDPOINT: optionalUrl,
});

const NO_CLUSTER =
  'ECS_CLUSTER_NAME: set ECS_CLUSTER_NAME or ECS_CLUSTER_NAMES (comma-separated) to at least one cluster';

export interface MetricsConfig {
  readonly environment: string;
  readonly region: string;
  readonly clusters: readonly string[];
  readonly namespace: string;
  /** Endpoint overrides (local API servers); absent means the AWS default endpoint. */
  readonly endpoints: Readonly<{ ecs?: string; rds?: string; docdb?: string; cloudwatch?: string }>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid metrics function configuration: ${issues.join('; ')}`);
  }
}

/** Parses the environment once, naming every missing or invalid variable at once. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): MetricsConfig {
  const parsed = envSchema.safeParse(env);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  // ECS_CLUSTER_NAME / ECS_CLUSTER_NAMES: one name or several separated by commas, merged.
  // Checked apart from the schema so that it is reported even when other variables are invalid.
  const clusters = [...new Set([...splitNames(env.ECS_CLUSTER_NAME), ...splitNames(env.ECS_CLUSTER_NAMES)])];
  if (clusters.length === 0) issues.push(NO_CLUSTER);
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const e = parsed.data;
  return Object.freeze({
    environment: e.ENVIRONMENT,
    region: e.AWS_REGION,
    clusters: Object.freeze(clusters),
    namespace: e.METRICS_NAMESPACE,
    endpoints: Object.freeze({
      ecs: e.ECS_ENDPOINT,
      rds: e.RDS_ENDPOINT,
      docdb: e.DOCDB_ENDPOINT,
      cloudwatch: e.CLOUDWATCH_ENDPOINT,
    }),
  });
}
