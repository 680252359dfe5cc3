import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where a service's relational data lives: MySQL when MYSQL_URL (or MYSQL_HOST
 * with its parts, as ECS injects them from Secrets Manager) is set, otherwise an
 * SQLite file under the data directory: the embedded mode.
 */
export const sqlConfigSchema = z.object({
  MYSQL_URL: z
    .string()
    .regex(/^mysql:\/\//, 'must start with mysql://')
    .optional(),
  MYSQL_HOST: z.string().min(1).optional(),
  MYSQL_PORT: z.coerce.number().int().min(1).max(65535).default(3306),
  MYSQL_DATABASE: z.string().min(1).optional(),
  MYSQL_USER: z.string().min(1).optional(),
  MYSQL_PASSWORD: z.string().optional(),
  MYSQL_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});
export type SqlConfig = z.output<typeof sqlConfigSchema>;

export type SqlTarget =
  | { readonly driver: 'sqlite'; readonly file: string }
  | {
      readonly driver: 'mysql';
      readonly uri?: string;
      readonly host?: string;
      readonly port?: number;
      readonly database?: string;
      readonly user?: string;
      readonly password?: string;
      readonly poolSize: number;
    };

export function sqlTarget(config: SqlConfig, embedded: { dataDir: string; fileName: string }): SqlTarget {
  if (config.MYSQL_URL) return { driver: 'mysql', uri: config.MYSQL_URL, poolSize: config.MYSQL_POOL_SIZE };
  if (config.MYSQL_HOST) {
    return {
      driver: 'mysql',
      host: config.MYSQL_HOST,
      port: config.MYSQL_PORT,
      ...(config.MYSQL_DATABASE ? { database: config.MYSQL_DATABASE } : {}),
      ...(config.MYSQL_USER ? { user: config.MYSQL_USER } : {}),
      ...(config.MYSQL_PASSWORD !== undefined ? { password: config.MYSQL_PASSWORD } : {}),
      poolSize: config.MYSQL_POOL_SIZE,
    };
  }
  return { driver: 'sqlite', file: join(embedded.dataDir, embedded.fileName) };
}
