import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listLocalOutbox } from '../src/local-outbox/local-outbox';
import { lambdaContext, notification, snsEnvelope, sqsEvent, sqsRecord } from './helpers/events';
import { CRITICAL_TOPIC_ARN } from './helpers/handler-deps';
import { startIntegrationEnv, type IntegrationEnv } from './helpers/integration-env';
import { sentEmails } from './helpers/ses-mailbox';

let env: IntegrationEnv;
let dataDir: string;

beforeAll(async () => {
  env = await startIntegrationEnv('arka-notifications-audit-composition');
  dataDir = await mkdtemp(join(tmpdir(), 'arka-notifications-'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await env?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the Lambda entry module (src/handler.ts)', () => {
  it('composes itself from the environment and runs locally against the local servers and the outbox', async () => {
    const variables = {
      AWS_REGION: 'us-east-1',
      ENVIRONMENT: 'local',
      AUDIT_TABLE_NAME: env.tableName,
      SES_FROM_ADDRESS: 'notificaciones@arka.test',
      CRITICAL_ALERTS_TOPIC_ARN: CRITICAL_TOPIC_ARN,
      SNS_CHANNEL: 'local',
      ARKA_DATA_DIR: dataDir,
      DYNAMODB_ENDPOINT: env.dynalite.endpoint,
      SES_ENDPOINT: env.ses.endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
    };
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    const { handler } = await import('../src/handler');
    const email = notification({ recipient: 'cliente@arka.test', priority: 'critical' });
    const sms = notification({
      type: 'sms',
      recipient: '+573001234567',
      message: 'Su cotización está lista',
    });

    const response = await handler(
      sqsEvent(sqsRecord(snsEnvelope(email)), sqsRecord(JSON.stringify(sms))),
      lambdaContext(),
    );

    expect(response.batchItemFailures).toEqual([]);
    expect((await sentEmails(env.ses.endpoint)).map((m) => m.destination.to[0])).toEqual([
      'cliente@arka.test',
    ]);
    // Records run concurrently: the outbox order between them is not fixed.
    const outbox = (await listLocalOutbox(dataDir)).sort((a, b) => a.channel.localeCompare(b.channel));
    expect(outbox).toEqual([
      expect.objectContaining({ channel: 'critical-alert', to: CRITICAL_TOPIC_ARN }),
      expect.objectContaining({
        channel: 'sms',
        to: '+573001234567',
        text: 'Arka: Su cotización está lista',
      }),
    ]);
  });
});
