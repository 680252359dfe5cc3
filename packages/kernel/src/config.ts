import { z } from 'zod';

/** Thrown when the environment does not satisfy a service's configuration schema. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment against `schema` once, at the edge. Every problem is
 * collected into one ConfigError so an operator fixes them all in one go.
 * Empty strings count as unset, as most shells and orchestrators produce them.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env): Readonly<z.output<S>> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const given = issue.path.length === 1 ? cleaned[String(issue.path[0])] : undefined;
        const secret = /SECRET|PASSWORD|TOKEN/i.test(name);
        const shown = given === undefined ? 'unset' : secret ? 'given (hidden)' : `given "${given}"`;
        return `${name}: ${issue.message} (${shown})`;
      }),
    );
  }
  return Object.freeze(result.data);
}

/** parseConfig for a process entry point: prints every problem and exits non-zero. */
export function loadConfigOrExit<S extends z.ZodType>(
  schema: S,
  env: Env = process.env,
): Readonly<z.output<S>> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Helpers for common environment variable shapes. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  list: () =>
    z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      ),
};
