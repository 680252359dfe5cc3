import type { MetricBatch } from '../domain/metric';
import type { Reading } from '../domain/reading';

/** One independent place metrics come from. A source that throws is counted in CollectorErrors. */
export interface MetricsSource {
  /** Short stable name for logs, e.g. `ecs:arka-cluster-dev`, `rds`, `local-platform`. */
  readonly name: string;
  collect(): Promise<readonly Reading[]>;
}

/**
 * Where a run's metrics go. `publish` resolves only when every metric was accepted;
 * any refusal rejects, so the invocation fails and is retried.
 */
export interface MetricsSink {
  publish(batch: MetricBatch): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** The structural subset of a structured logger the collector needs (Powertools Logger fits). */
export interface CollectorLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

export const systemClock: Clock = { now: () => new Date() };
