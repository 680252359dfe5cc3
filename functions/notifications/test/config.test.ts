import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const valid = {
  AWS_REGION: 'us-east-1',
  ENVIRONMENT: 'dev',
  AUDIT_TABLE_NAME: 'arka-notifications-audit-dev',
  SES_FROM_ADDRESS: 'notificaciones@arka.test',
  CRITICAL_ALERTS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:arka-critical-alerts',
};

function errorOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);

    expect(config).toEqual({
      region: 'us-east-1',
      environment: 'dev',
      auditTableName: 'arka-notifications-audit-dev',
      auditTtlDays: 90,
      auditLeaseSeconds: 120,
      sesFromAddress: 'notificaciones@arka.test',
      criticalAlertsTopicArn: 'arn:aws:sns:us-east-1:123456789012:arka-critical-alerts',
      snsChannel: { kind: 'sns' },
      endpoints: { dynamodb: undefined, ses: undefined, sns: undefined },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads endpoints and the local channel', () => {
    const config = loadConfig({
      ...valid,
      ENVIRONMENT: 'local',
      SNS_CHANNEL: 'local',
      ARKA_DATA_DIR: '/tmp/arka',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
      AUDIT_TTL_DAYS: '7',
    });

    expect(config.snsChannel).toEqual({ kind: 'local', dataDir: '/tmp/arka' });
    expect(config.endpoints).toEqual({
      dynamodb: 'http://127.0.0.1:8000',
      ses: 'http://127.0.0.1:8005',
      sns: undefined,
    });
    expect(config.auditTtlDays).toBe(7);
  });

  it('fails naming every missing variable at once', () => {
    const message = errorOf({});

    for (const name of [
      'AWS_REGION',
      'ENVIRONMENT',
      'AUDIT_TABLE_NAME',
      'SES_FROM_ADDRESS',
      'CRITICAL_ALERTS_TOPIC_ARN',
    ]) {
      expect(message).toContain(`${name}: is required`);
    }
  });

  it.each([
    ['ENVIRONMENT', 'production'],
    ['SES_FROM_ADDRESS', 'not-an-address'],
    ['CRITICAL_ALERTS_TOPIC_ARN', 'arka-critical-alerts'],
    ['AUDIT_TTL_DAYS', '-1'],
    ['SNS_CHANNEL', 'smtp'],
    ['DYNAMODB_ENDPOINT', 'localhost:8000'],
  ])('fails if %s is %s, saying what was given', (name, value) => {
    expect(errorOf({ ...valid, [name]: value })).toContain(`${name}: `);
    expect(errorOf({ ...valid, [name]: value })).toContain(JSON.stringify(value));
  });

  it('fails if SNS_CHANNEL is local without ARKA_DATA_DIR', () => {
    expect(errorOf({ ...valid, SNS_CHANNEL: 'local' })).toContain('ARKA_DATA_DIR: is required');
  });

  it('names a missing ARKA_DATA_DIR beside the other problems', () => {
    const message = errorOf({ SNS_CHANNEL: 'local' });

    expect(message).toContain('ARKA_DATA_DIR: is required');
    expect(message).toContain('AWS_REGION: is required');
  });
});
