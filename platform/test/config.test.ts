import { ConfigError } from '@arka/kernel';
import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '../src/config';

const load = (argv: string[], env: Record<string, string> = {}) =>
  loadPlatformConfig(argv, env, '/home/ana/arka');

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('platform configuration', () => {
  it('defaults to the documented ports and ./.arka-data under the working directory', () => {
    // Act
    const config = load([]);

    // Assess
    expect(config).toMatchObject({
      dataDir: '/home/ana/arka/.arka-data',
      ports: { gateway: 8080, cotizador: 8081, gestor: 8082, dynalite: 4567, ses: 8005, metrics: 9464 },
      demoPassword: undefined,
      runtime: 'bundle',
      reset: false,
      help: false,
    });
  });

  it('takes ports, the data directory, the password and the flags', () => {
    // Act
    const config = load(['--reset'], {
      ARKA_DATA_DIR: '/tmp/arka-e2e',
      GATEWAY_PORT: '9080',
      SES_PORT: '9005',
      ARKA_DEMO_PASSWORD: 'correct horse',
    });

    // Assess
    expect(config.dataDir).toBe('/tmp/arka-e2e');
    expect(config.ports).toMatchObject({ gateway: 9080, ses: 9005 });
    expect(config.demoPassword).toBe('correct horse');
    expect(config.reset).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('fails naming every bad variable at once, hiding the password', () => {
    // Act
    const problems = problemsOf(() =>
      load([], { GATEWAY_PORT: 'eighty', METRICS_PORT: '70000', ARKA_DEMO_PASSWORD: 'short' }),
    );

    // Assess
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('GATEWAY_PORT');
    expect(problems.join('\n')).toContain('METRICS_PORT');
    expect(problems.join('\n')).toContain('ARKA_DEMO_PASSWORD');
    expect(problems.join('\n')).not.toContain('short');
  });

  it('fails if two parts are given the same port', () => {
    // Act
    const problems = problemsOf(() => load([], { COTIZADOR_PORT: '8080' }));

    // Assess
    expect(problems).toEqual(['ports: gateway and cotizador are both given 8080; each needs its own']);
  });

  it('fails on an unknown flag', () => {
    // Act
    const problems = problemsOf(() => load(['--rest']));

    // Assess
    expect(problems[0]).toContain("Unknown option '--rest'");
  });
});
