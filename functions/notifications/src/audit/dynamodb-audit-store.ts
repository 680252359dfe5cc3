import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditRecordSchema } from './audit-record.schema';
import type { AuditEntry, AuditRecord, AuditStore, ClaimResult } from './audit-store';

export interface DynamoDbAuditStoreOptions {
  readonly tableName: string;
  readonly environment: string;
  readonly ttlDays: number;
  /** How long a claim keeps other deliveries of the same id away. */
  readonly leaseSeconds: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * The audit table on DynamoDB (partition key `id`, TTL attribute `expiresAt`).
 * Optional fields are always written, as null when unknown, so an item has the same
 * shape whatever the SDK version does with undefined (the client is built without
 * removeUndefinedValues: an undefined would throw instead of vanishing).
 */
export class DynamoDbAuditStore implements AuditStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly options: DynamoDbAuditStoreOptions,
  ) {}

  async claim(entry: AuditEntry, now: Date): Promise<ClaimResult> {
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + this.options.leaseSeconds * 1000).toISOString();
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: { id: entry.id },
          UpdateExpression: [
            'SET #type = :type, recipient = :recipient, subject = :subject, priority = :priority',
            'service = :service, environment = :environment, #status = :inProgress',
            'attempts = if_not_exists(attempts, :zero) + :one, createdAt = if_not_exists(createdAt, :now)',
            'updatedAt = :now, sentAt = :null, providerMessageId = :null, lastError = if_not_exists(lastError, :null)',
            'leaseUntil = :leaseUntil, criticalAlert = :criticalAlert, criticalAlertMessageId = :null, expiresAt = :expiresAt',
          ].join(', '),
          // Sent ids are final; an IN_PROGRESS id is taken over only once its lease expired.
          ConditionExpression:
            'attribute_not_exists(id) OR (#status <> :sent AND (#status <> :inProgress OR leaseUntil < :now))',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
          ExpressionAttributeValues: {
            ':type': entry.type,
            ':recipient': entry.recipient,
            ':subject': entry.subject,
            ':priority': entry.priority,
            ':service': entry.service,
            ':environment': this.options.environment,
            ':inProgress': 'IN_PROGRESS',
            ':sent': 'SENT',
            ':zero': 0,
            ':one': 1,
            ':now': nowIso,
            ':null': null,
            ':leaseUntil': leaseUntil,
            ':criticalAlert': entry.priority === 'critical' ? 'PENDING' : null,
            ':expiresAt': Math.floor(now.getTime() / 1000) + this.options.ttlDays * DAY_SECONDS,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { kind: 'claimed', attempts: auditRecordSchema.parse(result.Attributes).attempts };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.find(entry.id);
      return existing?.status === 'SENT'
        ? { kind: 'already-sent', criticalAlert: existing.criticalAlert }
        : { kind: 'in-progress' };
    }
  }

  async markSent(id: string, providerMessageId: string, now: Date): Promise<void> {
    await this.update(
      id,
      'SET #status = :sent, providerMessageId = :pid, sentAt = :now, updatedAt = :now, leaseUntil = :null, lastError = :null',
      {
        ':sent': 'SENT',
        ':pid': providerMessageId,
        ':now': now.toISOString(),
        ':null': null,
      },
    );
  }

  async markFailed(id: string, error: string, now: Date): Promise<void> {
    await this.update(
      id,
      'SET #status = :failed, lastError = :error, updatedAt = :now, leaseUntil = :null',
      { ':failed': 'FAILED', ':error': error, ':now': now.toISOString(), ':null': null, ':sent': 'SENT' },
      // A concurrent delivery that did send wins: SENT is never overwritten.
      '#status <> :sent',
    );
  }

  async markCriticalAlertPublished(id: string, alertMessageId: string, now: Date): Promise<void> {
    await this.update(
      id,
      'SET criticalAlert = :published, criticalAlertMessageId = :mid, updatedAt = :now',
      { ':published': 'PUBLISHED', ':mid': alertMessageId, ':now': now.toISOString(), ':sent': 'SENT' },
      // The alert follows the send; it is never recorded for a notification that was not sent.
      '#status = :sent',
    );
  }

  async find(id: string): Promise<AuditRecord | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.options.tableName, Key: { id }, ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : auditRecordSchema.parse(result.Item);
  }

  private async update(
    id: string,
    expression: string,
    values: Record<string, unknown>,
    extraCondition?: string,
  ): Promise<void> {
    const condition = extraCondition ? `attribute_exists(id) AND ${extraCondition}` : 'attribute_exists(id)';
    await this.client.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: { id },
        UpdateExpression: expression,
        ConditionExpression: condition,
        // Every update sets or checks the status (a reserved word in DynamoDB).
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
  }
}
