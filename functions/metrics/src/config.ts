import { z } from 'zod';

const DEFAULT_NAMESPACE = 'Arka/Valenzuela';

// An empty variable is treated as unset: deploy tooling often writes `X=` for "none".
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const clusterList = optionalText.transform((v) =>
  (v ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0),
);

const envSchema = z
  .object({
    ENVIRONMENT: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, e.g. dev'),
    AWS_REGION: z.string().min(1),
    /** One cluster name, or several separated by commas. */
    ECS_CLUSTER_NAME: clusterList,
    ECS_CLUSTER_NAMES: clusterList,
    METRICS_NAMESPACE: optionalText.pipe(z.string().max(255).default(DEFAULT_NAMESPACE)),
    ECS_ENDPOINT: optionalUrl,
    RDS_ENDPOINT: optionalUrl,
    DOCDB_ENDPOINT: optionalUrl,
    CLOUDWATCH_ENDPOINT: optionalUrl,
  })
  .refine((env) => env.ECS_CLUSTER_NAME.length + env.ECS_CLUSTER_NAMES.length > 0, {
    message: 'set ECS_CLUSTER_NAME or ECS_CLUSTER_NAMES (comma-separated) to at least one cluster',
    path: ['ECS_CLUSTER_NAME'],
  });

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
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const clusters = [...new Set([...e.ECS_CLUSTER_NAME, ...e.ECS_CLUSTER_NAMES])];
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
