import { z } from 'zod';
import { env } from './config';

/** Settings every service process reads; each service extends this schema with its own. */
export const commonConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: env.logLevel(),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded mode keeps its files. */
  ARKA_DATA_DIR: z.string().min(1).default('./.arka-data'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
});

export const jwtConfigSchema = z.object({
  /** Optional only in the embedded mode, which generates one into the data directory. */
  JWT_SECRET: z.string().optional(),
  JWT_ISSUER: z.string().min(1).default('arka-gateway'),
  JWT_AUDIENCE: z.string().min(1).default('arka-api'),
});

export type CommonConfig = z.output<typeof commonConfigSchema>;
