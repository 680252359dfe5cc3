import type { MetricBatch } from '../../domain/metric';
import type { CloudWatchLimits } from './cloudwatch-limits';

/**
 * Everything CloudWatch would refuse, found before any call, so a batch is either
 * sent whole or rejected loudly, never partly dropped.
 * Returns one message per problem; empty when the batch is acceptable.
 */
export function findBatchProblems(batch: MetricBatch, now: Date, limits: CloudWatchLimits): string[] {
  const problems: string[] = [];
  const offset = batch.timestamp.getTime() - now.getTime();
  if (Number.isNaN(offset)) problems.push('timestamp is not a valid date');
  else if (-offset > limits.maxAgeMs)
    problems.push(
      `timestamp ${batch.timestamp.toISOString()} is more than two weeks before ${now.toISOString()}`,
    );
  else if (offset > limits.maxFutureMs)
    problems.push(
      `timestamp ${batch.timestamp.toISOString()} is more than two hours after ${now.toISOString()}`,
    );

  for (const metric of batch.metrics) {
    const dims = Object.entries(metric.dimensions);
    const where = `${metric.name}{${dims.map(([n, v]) => `${n}=${v}`).join(',')}}`;
    if (!Number.isFinite(metric.value))
      problems.push(`${where}: value ${metric.value} is not a finite number`);
    if (dims.length > limits.maxDimensionsPerMetric)
      problems.push(`${where}: ${dims.length} dimensions, at most ${limits.maxDimensionsPerMetric} allowed`);
    for (const [name, value] of dims) {
      if (name.length === 0 || name.length > limits.maxDimensionNameLength)
        problems.push(`${where}: dimension name must have 1 to ${limits.maxDimensionNameLength} characters`);
      if (value.length === 0 || value.length > limits.maxDimensionValueLength)
        problems.push(
          `${where}: dimension ${name} must have 1 to ${limits.maxDimensionValueLength} characters`,
        );
    }
  }
  return problems;
}
