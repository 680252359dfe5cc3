import type { Metric } from '../domain/metric';
import type { Reading } from '../domain/reading';
import { collectorErrorsMetric, readingsToMetrics } from '../domain/readings-to-metrics';
import { systemClock, type Clock, type CollectorLogger, type MetricsSink, type MetricsSource } from './ports';

export interface CollectionDeps {
  readonly sources: readonly MetricsSource[];
  readonly sink: MetricsSink;
  /** The `Environment` dimension of every metric. */
  readonly environment: string;
  readonly logger: CollectorLogger;
  /** @default the system clock */
  readonly clock?: Clock;
}

export interface RunSummary {
  readonly timestamp: Date;
  readonly metrics: number;
  readonly collectorErrors: number;
  readonly failedSources: readonly string[];
}

/**
 * One run: read every source at once, turn the readings into metrics stamped with a
 * single timestamp, and publish them. A failing source is logged and counted in
 * CollectorErrors; a failing sink rejects the run (so Lambda retries it).
 */
export async function runCollection(deps: CollectionDeps): Promise<RunSummary> {
  const { sources, sink, environment, logger, clock = systemClock } = deps;
  const timestamp = clock.now();
  const settled = await Promise.allSettled(sources.map((source) => source.collect()));

  const readings: Reading[] = [];
  const failedSources: string[] = [];
  settled.forEach((result, index) => {
    const source = sources[index];
    if (source === undefined) return;
    if (result.status === 'fulfilled') {
      readings.push(...result.value);
    } else {
      failedSources.push(source.name);
      logger.error('metrics source failed', { source: source.name, error: describeError(result.reason) });
    }
  });

  const metrics: Metric[] = [
    ...readingsToMetrics(readings, environment),
    collectorErrorsMetric(failedSources.length, environment),
  ];
  await sink.publish({ timestamp, metrics });

  const summary: RunSummary = {
    timestamp,
    metrics: metrics.length,
    collectorErrors: failedSources.length,
    failedSources,
  };
  logger.info('metrics published', { ...summary, timestamp: timestamp.toISOString() });
  return summary;
}

export interface Collector {
  run(): Promise<RunSummary>;
}

/** Binds the dependencies once, for the Lambda handler and the local timer alike. */
export function createCollector(deps: CollectionDeps): Collector {
  return { run: () => runCollection(deps) };
}

function describeError(reason: unknown): Record<string, unknown> {
  if (reason instanceof Error) return { name: reason.name, message: reason.message, stack: reason.stack };
  return { message: String(reason) };
}
