import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  processNotification,
  type ProcessNotificationDeps,
  type ProcessOutcome,
} from './application/process-notification';
import { parseNotificationBody } from './domain/incoming-message';
import { MessageRejectedError } from './domain/rejection';
import { KeyedSequencer } from './keyed-sequencer';
import type { Observability } from './observability';

export type HandlerDeps = ProcessNotificationDeps & Observability;

export type NotificationsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

const OUTCOME_METRICS: Record<ProcessOutcome['kind'], string> = {
  sent: 'NotificationsSent',
  duplicate: 'NotificationsDuplicate',
  'alert-completed': 'CriticalAlertsCompleted',
};

function reasonOf(error: unknown): { code: string; reason: string } {
  if (error instanceof MessageRejectedError) return { code: error.code, reason: error.message };
  if (error instanceof Error) return { code: error.name, reason: error.message };
  return { code: 'UNKNOWN', reason: String(error) };
}

/**
 * The Lambda handler over the given adapters. Records are processed concurrently,
 * except that deliveries of the same notification id run one after the other (also
 * across overlapping invocations), so a second delivery sees the first one's audit
 * record. A record fails by throwing; only the failed ones are returned in
 * batchItemFailures, even when every record of the batch failed.
 */
export function createHandler(deps: HandlerDeps): NotificationsHandler {
  const { logger, metrics } = deps;
  const sequencer = new KeyedSequencer();

  async function handleRecord(record: SQSRecord): Promise<void> {
    try {
      const message = parseNotificationBody(record.body);
      const outcome = await sequencer.run(message.id, () => processNotification(message, deps));
      logger.info('notification processed', {
        sqsMessageId: record.messageId,
        notificationId: message.id,
        type: message.type,
        priority: message.priority,
        outcome: outcome.kind,
      });
      metrics.addMetric(OUTCOME_METRICS[outcome.kind], MetricUnit.Count, 1);
    } catch (error) {
      logger.error('notification record failed', {
        sqsMessageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        ...reasonOf(error),
        error: error instanceof Error ? error : String(error),
      });
      metrics.addMetric(
        error instanceof MessageRejectedError ? 'NotificationsRejected' : 'NotificationsFailed',
        MetricUnit.Count,
        1,
      );
      throw error;
    }
  }

  return async (event, context) => {
    logger.addContext(context);
    try {
      return await processPartialResponse(event, handleRecord, new BatchProcessor(EventType.SQS), {
        context,
        processInParallel: true,
        throwOnFullBatchFailure: false,
      });
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
