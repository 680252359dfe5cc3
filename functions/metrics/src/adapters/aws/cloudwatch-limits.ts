/**
 * CloudWatch PutMetricData service limits, in one place
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html).
 */
export interface CloudWatchLimits {
  readonly maxItemsPerCall: number;
  readonly maxPayloadBytes: number;
  readonly maxDimensionsPerMetric: number;
  readonly maxDimensionNameLength: number;
  readonly maxDimensionValueLength: number;
  readonly maxAgeMs: number;
  readonly maxFutureMs: number;
}

export const CLOUDWATCH_LIMITS: CloudWatchLimits = Object.freeze({
  /** Metric data items per PutMetricData call. */
  maxItemsPerCall: 1000,
  /**
   * Request size limit is 1 MB; we budget 1,000,000 bytes and size each request as
   * its JSON body (the protocol the client speaks) with ISO timestamps, which are
   * longer than the epoch numbers actually sent, so the estimate errs on the large side.
   */
  maxPayloadBytes: 1_000_000,
  maxDimensionsPerMetric: 30,
  maxDimensionNameLength: 255,
  maxDimensionValueLength: 1024,
  /** Data points older than two weeks are refused. */
  maxAgeMs: 14 * 24 * 60 * 60 * 1000,
  /** Data points more than two hours in the future are refused. */
  maxFutureMs: 2 * 60 * 60 * 1000,
});
