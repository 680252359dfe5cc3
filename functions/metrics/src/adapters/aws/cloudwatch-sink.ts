import { PutMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { MetricsSink } from '../../application/ports';
import type { MetricBatch } from '../../domain/metric';
import { CLOUDWATCH_LIMITS, type CloudWatchLimits } from './cloudwatch-limits';
import { planRequests, toDatum } from './metric-batches';
import { findBatchProblems } from './metric-validation';

export interface CloudWatchSinkOptions {
  readonly client: CloudWatchClient;
  readonly namespace: string;
  /** The real time the timestamp window is checked against. @default the system clock */
  readonly now?: () => Date;
  /** @default CLOUDWATCH_LIMITS */
  readonly limits?: CloudWatchLimits;
}

/** Raised when CloudWatch would refuse the batch, or refused part of it. */
export class MetricsPublishError extends Error {
  override readonly name = 'MetricsPublishError';
  constructor(
    message: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Publishes a batch with PutMetricData in the fewest calls the limits allow. Resolves
 * only when every call succeeded; otherwise rejects with the causes, so the Lambda
 * invocation fails and is retried (a retry may re-send the calls that succeeded:
 * duplicate samples of one timestamp, harmless for these gauges).
 */
export function createCloudWatchSink(options: CloudWatchSinkOptions): MetricsSink {
  const { client, namespace, now = () => new Date(), limits = CLOUDWATCH_LIMITS } = options;
  return {
    async publish(batch: MetricBatch): Promise<void> {
      const problems = findBatchProblems(batch, now(), limits);
      if (problems.length > 0) {
        throw new MetricsPublishError(`CloudWatch would refuse this batch: ${problems.join('; ')}`, problems);
      }
      const data = batch.metrics.map((metric) => toDatum(metric, batch.timestamp));
      const requests = planRequests(namespace, data, limits);
      const results = await Promise.allSettled(
        requests.map((MetricData) =>
          client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData })),
        ),
      );
      const failures = results.flatMap((result, index) =>
        result.status === 'rejected' ? [{ index, reason: result.reason }] : [],
      );
      if (failures.length > 0) {
        const messages = failures.map(
          ({ index, reason }) => `call ${index + 1}/${requests.length}: ${errorMessage(reason)}`,
        );
        throw new MetricsPublishError(`PutMetricData failed: ${messages.join('; ')}`, messages, {
          cause: failures[0]?.reason,
        });
      }
    },
  };
}

const errorMessage = (reason: unknown): string =>
  reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
