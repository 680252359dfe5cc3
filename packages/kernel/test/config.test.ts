import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, env, parseConfig } from '../src/config';

const schema = z.object({
  PORT: env.port(8081),
  MYSQL_URL: z.string().url().optional(),
  DB_PASSWORD: z.string().min(8),
  ENABLED: env.boolean(false),
});

describe('parseConfig', () => {
  it('applies defaults and freezes the result', () => {
    const config = parseConfig(schema, { DB_PASSWORD: 'long-enough' });
    expect(config).toEqual({ PORT: 8081, DB_PASSWORD: 'long-enough', ENABLED: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem in one error and never echoes a secret', () => {
    let caught: unknown;
    try {
      parseConfig(schema, { PORT: 'eighty', MYSQL_URL: 'not a url', DB_PASSWORD: 'short', ENABLED: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT.*given "eighty"/);
    expect(problems.join('\n')).toMatch(/DB_PASSWORD.*given \(hidden\)/);
    expect(problems.join('\n')).not.toContain('short');
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig(schema, { DB_PASSWORD: 'long-enough', PORT: '' }).PORT).toBe(8081);
  });
});
