import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SnsCriticalAlertPublisher } from './alerts/sns-critical-alert-publisher';
import type { NotificationChannels } from './application/process-notification';
import { DynamoDbAuditStore } from './audit/dynamodb-audit-store';
import type { NotificationsConfig } from './config';
import type { HandlerDeps } from './create-handler';
import { SesEmailSender } from './email/ses-email-sender';
import { LocalOutbox } from './local-outbox/local-outbox';
import {
  LocalOutboxCriticalAlertPublisher,
  LocalOutboxPushSender,
  LocalOutboxSmsSender,
} from './local-outbox/local-outbox-senders';
import { SnsPushSender } from './mobile/sns-push-sender';
import { SnsSmsSender } from './mobile/sns-sms-sender';
import { createObservability } from './observability';

/**
 * The local API servers (dynalite, the local SES server) accept any credentials; a
 * fixed pair keeps the SDK from searching for real ones on a laptop. On AWS the
 * default provider chain (the function's role) applies.
 */
function clientOptions(config: NotificationsConfig, endpoint: string | undefined) {
  const local = config.environment === 'local';
  return {
    region: config.region,
    endpoint,
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  };
}

function mobileChannels(config: NotificationsConfig): Omit<NotificationChannels, 'email'> {
  if (config.snsChannel.kind === 'local') {
    const outbox = new LocalOutbox(config.snsChannel.dataDir);
    return {
      sms: new LocalOutboxSmsSender(outbox),
      push: new LocalOutboxPushSender(outbox),
      criticalAlerts: new LocalOutboxCriticalAlertPublisher(outbox, config.criticalAlertsTopicArn),
    };
  }
  const sns = new SNSClient(clientOptions(config, config.endpoints.sns));
  return {
    sms: new SnsSmsSender(sns),
    push: new SnsPushSender(sns),
    criticalAlerts: new SnsCriticalAlertPublisher(sns, config.criticalAlertsTopicArn),
  };
}

/**
 * Builds every adapter from configuration. The Lambda module calls it once, at cold
 * start, so SDK clients and their connections are reused across invocations.
 */
export function composeHandlerDeps(config: NotificationsConfig): HandlerDeps {
  const dynamo = new DynamoDBClient(clientOptions(config, config.endpoints.dynamodb));
  // No removeUndefinedValues: every optional audit field is written as null, and an
  // undefined slipping through throws rather than silently dropping the attribute.
  const documents = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { convertEmptyValues: false } });
  const ses = new SESv2Client(clientOptions(config, config.endpoints.ses));
  return {
    ...createObservability(config.environment),
    audit: new DynamoDbAuditStore(documents, {
      tableName: config.auditTableName,
      environment: config.environment,
      ttlDays: config.auditTtlDays,
      leaseSeconds: config.auditLeaseSeconds,
    }),
    channels: { email: new SesEmailSender(ses, config.sesFromAddress), ...mobileChannels(config) },
    environment: config.environment,
    now: () => new Date(),
  };
}
