import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { vi } from 'vitest';
import { SnsCriticalAlertPublisher } from '../../src/alerts/sns-critical-alert-publisher';
import { DynamoDbAuditStore } from '../../src/audit/dynamodb-audit-store';
import type { HandlerDeps } from '../../src/create-handler';
import { SesEmailSender } from '../../src/email/ses-email-sender';
import { SnsPushSender } from '../../src/mobile/sns-push-sender';
import { SnsSmsSender } from '../../src/mobile/sns-sms-sender';
import type { Observability } from '../../src/observability';

export const REGION = 'us-east-1';
export const FROM = 'notificaciones@arka.test';
export const CRITICAL_TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:arka-critical-alerts-test';
/** Local servers accept any credentials; fixed ones keep the SDK from looking for real ones. */
export const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Logger and Metrics that write nothing; spy on `logger.error` to read the reasons. */
export function quietObservability(): Observability {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  const observability = {
    logger: new Logger({ serviceName: 'notifications', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'Arka/Notifications', serviceName: 'notifications' }),
  };
  vi.unstubAllEnvs();
  return observability;
}

export function documentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: REGION, endpoint, credentials }));
}

export async function createAuditTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ region: REGION, endpoint, credentials });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  client.destroy();
}

export interface RealDepsOptions {
  readonly dynamodbEndpoint: string;
  readonly sesEndpoint: string;
  readonly tableName: string;
  readonly sns: SNSClient;
  readonly now?: () => Date;
}

/** The handler's adapters against dynalite and the local SES server; SNS is the given (mocked) client. */
export function realDeps(options: RealDepsOptions): HandlerDeps & { audit: DynamoDbAuditStore } {
  // One attempt: a provider error must reach the handler, not be hidden by SDK retries.
  const ses = new SESv2Client({ region: REGION, endpoint: options.sesEndpoint, credentials, maxAttempts: 1 });
  return {
    ...quietObservability(),
    audit: new DynamoDbAuditStore(documentClient(options.dynamodbEndpoint), {
      tableName: options.tableName,
      environment: 'local',
      ttlDays: 30,
      leaseSeconds: 60,
    }),
    channels: {
      email: new SesEmailSender(ses, FROM),
      sms: new SnsSmsSender(options.sns),
      push: new SnsPushSender(options.sns),
      criticalAlerts: new SnsCriticalAlertPublisher(options.sns, CRITICAL_TOPIC_ARN),
    },
    environment: 'local',
    now: options.now ?? (() => new Date()),
  };
}
