/**
 * Messaging configuration: which driver, and what it needs. Services validate
 * their environment once with `messagingEnvSchema` (or build the object
 * themselves and check it with `messagingConfigSchema`) and pass it to
 * `createMessaging`.
 */
import { join } from 'node:path';
import { z } from 'zod';

const nameMap = (value: z.ZodType<string>) => z.record(z.string().min(1), value);

export const messagingConfigSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('embedded'), path: z.string().min(1) }).strict(),
  z
    .object({
      driver: z.literal('aws'),
      region: z.string().min(1),
      endpoint: z.url().optional(),
      topicArns: nameMap(z.string().regex(/^arn:aws[a-z-]*:sns:/, 'must be an SNS topic ARN')),
      queueUrls: nameMap(z.url()),
    })
    .strict(),
]);

export type MessagingConfig = z.infer<typeof messagingConfigSchema>;

/** A JSON object given as one environment variable, e.g. MESSAGING_QUEUE_URLS='{"arka-solicitudes":"https://…"}'. */
const jsonObject = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of name → value' });
    return z.NEVER;
  }
});

/**
 * The environment variables of messaging: MESSAGING_DRIVER (embedded | aws, default
 * embedded); embedded: ARKA_DATA_DIR (default ./.arka-data, file broker.sqlite);
 * aws: AWS_REGION, MESSAGING_ENDPOINT (optional), MESSAGING_TOPIC_ARNS and
 * MESSAGING_QUEUE_URLS (JSON objects). Parses to a MessagingConfig.
 */
export const messagingEnvSchema = z
  .object({
    MESSAGING_DRIVER: z.enum(['embedded', 'aws']).default('embedded'),
    ARKA_DATA_DIR: z.string().min(1).default('./.arka-data'),
    AWS_REGION: z.string().min(1).optional(),
    MESSAGING_ENDPOINT: z.url().optional(),
    MESSAGING_TOPIC_ARNS: jsonObject.optional(),
    MESSAGING_QUEUE_URLS: jsonObject.optional(),
  })
  .transform((env, ctx): MessagingConfig => {
    const candidate =
      env.MESSAGING_DRIVER === 'embedded'
        ? { driver: 'embedded', path: join(env.ARKA_DATA_DIR, 'broker.sqlite') }
        : {
            driver: 'aws',
            region: env.AWS_REGION,
            ...(env.MESSAGING_ENDPOINT === undefined ? {} : { endpoint: env.MESSAGING_ENDPOINT }),
            topicArns: env.MESSAGING_TOPIC_ARNS ?? {},
            queueUrls: env.MESSAGING_QUEUE_URLS ?? {},
          };
    const parsed = messagingConfigSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: envPath(issue.path) });
    return z.NEVER;
  });

/** Names the environment variable behind a config field, so the start-up error says what to fix. */
function envPath(path: readonly PropertyKey[]): PropertyKey[] {
  const names: Record<string, string> = {
    region: 'AWS_REGION',
    endpoint: 'MESSAGING_ENDPOINT',
    topicArns: 'MESSAGING_TOPIC_ARNS',
    queueUrls: 'MESSAGING_QUEUE_URLS',
  };
  const [head, ...rest] = path;
  return typeof head === 'string' && names[head] ? [names[head], ...rest] : [...path];
}
