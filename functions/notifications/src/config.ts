import { z } from 'zod';

/**
 * The function's configuration, parsed once from the environment by the composition
 * root. Every variable is documented in README.md; a missing or invalid one stops
 * the cold start with a single message naming all of them.
 */
const optionalUrl = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
);

export const configSchema = z
  .object({
    AWS_REGION: z.string().min(1),
    ENVIRONMENT: z.enum(['dev', 'staging', 'prod', 'local']),
    AUDIT_TABLE_NAME: z.string().min(1),
    AUDIT_TTL_DAYS: z.coerce.number().int().positive().default(90),
    AUDIT_LEASE_SECONDS: z.coerce.number().int().positive().default(120),
    SES_FROM_ADDRESS: z.email(),
    CRITICAL_ALERTS_TOPIC_ARN: z
      .string()
      .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, 'an SNS topic ARN'),
    SNS_CHANNEL: z.enum(['sns', 'local']).default('sns'),
    ARKA_DATA_DIR: z.string().min(1).optional(),
    DYNAMODB_ENDPOINT: optionalUrl,
    SES_ENDPOINT: optionalUrl,
    SNS_ENDPOINT: optionalUrl,
  })
  .refine((c) => c.SNS_CHANNEL !== 'local' || c.ARKA_DATA_DIR !== undefined, {
    path: ['ARKA_DATA_DIR'],
    message: 'required when SNS_CHANNEL is local (the outbox directory)',
    // Checked even when other variables are bad, so one message names every problem.
    when: () => true,
  });

export type NotificationsConfig = Readonly<{
  region: string;
  environment: 'dev' | 'staging' | 'prod' | 'local';
  auditTableName: string;
  auditTtlDays: number;
  auditLeaseSeconds: number;
  sesFromAddress: string;
  criticalAlertsTopicArn: string;
  snsChannel: { kind: 'sns' } | { kind: 'local'; dataDir: string };
  endpoints: Readonly<{ dynamodb?: string; ses?: string; sns?: string }>;
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws one ConfigError listing every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): NotificationsConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const given = env[name];
      return given === undefined || given === ''
        ? `${name}: is required (${issue.message})`
        : `${name}: ${issue.message} (given ${JSON.stringify(given)})`;
    });
    throw new ConfigError(`Invalid notifications configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  const snsChannel: NotificationsConfig['snsChannel'] =
    c.SNS_CHANNEL === 'local' && c.ARKA_DATA_DIR !== undefined
      ? { kind: 'local', dataDir: c.ARKA_DATA_DIR }
      : { kind: 'sns' };
  return Object.freeze({
    region: c.AWS_REGION,
    environment: c.ENVIRONMENT,
    auditTableName: c.AUDIT_TABLE_NAME,
    auditTtlDays: c.AUDIT_TTL_DAYS,
    auditLeaseSeconds: c.AUDIT_LEASE_SECONDS,
    sesFromAddress: c.SES_FROM_ADDRESS,
    criticalAlertsTopicArn: c.CRITICAL_ALERTS_TOPIC_ARN,
    snsChannel,
    endpoints: Object.freeze({ dynamodb: c.DYNAMODB_ENDPOINT, ses: c.SES_ENDPOINT, sns: c.SNS_ENDPOINT }),
  });
}
