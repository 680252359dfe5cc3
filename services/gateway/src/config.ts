import { commonConfigSchema, env, jwtConfigSchema, trustFunction } from '@arka/kernel';
import { sqlConfigSchema } from '@arka/sql';
import { isAbsolute } from 'node:path';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const httpUrl = (fallback: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^/]+\/?$/, 'must be an http(s) origin such as http://127.0.0.1:8081')
    .default(fallback)
    .transform((v) => v.replace(/\/$/, ''));

/** The gateway's settings, read once from the environment by the composition root. */
export const gatewayConfigSchema = commonConfigSchema
  .extend(jwtConfigSchema.shape)
  .extend(sqlConfigSchema.shape)
  .extend({
    PORT: env.port(8080),
    COTIZADOR_URL: httpUrl('http://127.0.0.1:8081'),
    GESTOR_SOLICITUDES_URL: httpUrl('http://127.0.0.1:8082'),
    /** Longest wait for an upstream's answer before 504. */
    UPSTREAM_TIMEOUT_MS: positiveInt(10_000),
    /** Failure percentage in the rolling window that opens an upstream's breaker. */
    BREAKER_ERROR_THRESHOLD_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
    /** Requests in the window before the breaker may open at all. */
    BREAKER_VOLUME_THRESHOLD: positiveInt(5),
    BREAKER_ROLLING_WINDOW_MS: positiveInt(10_000),
    /** How long an open breaker answers 503 before letting one probe through (half-open). */
    BREAKER_RESET_TIMEOUT_MS: positiveInt(10_000),
    /** Requests per client (token subject, else IP) per window. */
    RATE_LIMIT_MAX: positiveInt(600),
    RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
    /** Networks the load balancer connects from (CIDRs, comma separated); X-Forwarded-For is believed only from there. @default none */
    TRUSTED_PROXY_CIDRS: env.list().refine(
      (cidrs) => {
        try {
          trustFunction({ cidrs, hops: 1 });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be CIDRs such as 10.0.0.0/16' },
    ),
    /** Proxies in the chain, the load balancer included (CloudFront + ALB: 2). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    /** Browser origins allowed by CORS, comma separated. @default none */
    CORS_ORIGINS: env.list(),
    REFRESH_TOKEN_TTL_SECONDS: positiveInt(7 * 24 * 3600),
    LOGIN_FREE_FAILURES: positiveInt(3),
    LOGIN_LOCK_AFTER_FAILURES: positiveInt(5),
    LOGIN_LOCK_SECONDS: positiveInt(15 * 60),
    /** How long the aggregated OpenAPI document is reused before upstreams are asked again. */
    DOCS_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
    /** Absolute path of the built web console (web/dist), served at /. @default none (on AWS CloudFront serves it from S3) */
    CONSOLE_DIR: z.string().refine(isAbsolute, 'must be an absolute path').optional(),
    /** Embedded mode only: the demo users' password; a random one is printed when unset. */
    ARKA_DEMO_PASSWORD: z.string().min(8).optional(),
  })
  .refine((c) => c.LOGIN_LOCK_AFTER_FAILURES > c.LOGIN_FREE_FAILURES, {
    path: ['LOGIN_LOCK_AFTER_FAILURES'],
    message: 'must be greater than LOGIN_FREE_FAILURES',
  });

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** The embedded mode keeps everything on this machine: no MySQL configured. */
export function isEmbedded(config: Pick<GatewayConfig, 'MYSQL_URL' | 'MYSQL_HOST'>): boolean {
  return !config.MYSQL_URL && !config.MYSQL_HOST;
}
