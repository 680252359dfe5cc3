import { ConfigError, parseConfig } from '@arka/kernel';
import { describe, expect, it } from 'vitest';
import { configSchema, isEmbedded } from '../src/config';

describe('the configuration', () => {
  it('defaults to the embedded mode on port 8082 with the embedded broker', () => {
    const config = parseConfig(configSchema, { ARKA_DATA_DIR: '/tmp/arka' });
    expect(config.PORT).toBe(8082);
    expect(isEmbedded(config)).toBe(true);
    expect(config.COMPRAS_EMAIL).toBe('compras@arka.example');
    expect(config.messaging).toEqual({ driver: 'embedded', path: '/tmp/arka/broker.sqlite' });
  });

  it.each([{ MONGODB_URI: 'mongodb://db:27017/' }, { MONGODB_HOST: 'db' }])(
    'leaves the embedded mode with %o',
    (env) => {
      expect(isEmbedded(parseConfig(configSchema, env))).toBe(false);
    },
  );

  it('lists every problem of the service and of messaging in one error', () => {
    const attempt = () =>
      parseConfig(configSchema, {
        PORT: 'eighty',
        MONGODB_URI: 'postgres://x',
        COMPRAS_EMAIL: 'nobody',
        MESSAGING_DRIVER: 'aws',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'MONGODB_URI', 'COMPRAS_EMAIL', 'AWS_REGION']) {
        expect(problems).toContain(name);
      }
    }
  });

  it('fails if a MongoDB user is given without its password', () => {
    expect(() => parseConfig(configSchema, { MONGODB_HOST: 'db', MONGODB_USER: 'arka' })).toThrow(
      /MONGODB_PASSWORD/,
    );
  });
});
