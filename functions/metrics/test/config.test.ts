import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const valid = { ENVIRONMENT: 'dev', AWS_REGION: 'us-east-1', ECS_CLUSTER_NAME: 'arka-cluster-dev' };

describe('metrics configuration', () => {
  it('applies defaults: namespace Arka/Valenzuela and AWS endpoints', () => {
    expect(loadConfig(valid)).toEqual({
      environment: 'dev',
      region: 'us-east-1',
      clusters: ['arka-cluster-dev'],
      namespace: 'Arka/Valenzuela',
      endpoints: { ecs: undefined, rds: undefined, docdb: undefined, cloudwatch: undefined },
    });
  });

  it('merges ECS_CLUSTER_NAME and the comma-separated ECS_CLUSTER_NAMES without repeats', () => {
    const config = loadConfig({ ...valid, ECS_CLUSTER_NAMES: ' a, arka-cluster-dev ,b,' });
    expect(config.clusters).toEqual(['arka-cluster-dev', 'a', 'b']);
  });

  it('takes the namespace and endpoint overrides', () => {
    const config = loadConfig({
      ...valid,
      METRICS_NAMESPACE: 'Test/NS',
      CLOUDWATCH_ENDPOINT: 'http://127.0.0.1:4566',
    });
    expect(config.namespace).toBe('Test/NS');
    expect(config.endpoints.cloudwatch).toBe('http://127.0.0.1:4566');
  });

  it('returns a frozen configuration', () => {
    expect(Object.isFrozen(loadConfig(valid))).toBe(true);
  });

  it('fails naming every missing or invalid variable at once', () => {
    // Act
    let error: unknown;
    try {
      loadConfig({ ENVIRONMENT: 'Dev!', RDS_ENDPOINT: 'not a url', ECS_CLUSTER_NAMES: ' , ' });
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof Error ? error.message : '';
    for (const variable of ['ENVIRONMENT', 'AWS_REGION', 'RDS_ENDPOINT', 'ECS_CLUSTER_NAME']) {
      expect(message).toContain(variable);
    }
  });
});

describe('metrics configuration messages', () => {
  it('says "required" for a missing variable', () => {
    expect(() => loadConfig({ ECS_CLUSTER_NAME: 'c', AWS_REGION: 'us-east-1' })).toThrow(
      'Invalid metrics function configuration: ENVIRONMENT: required',
    );
  });
});
