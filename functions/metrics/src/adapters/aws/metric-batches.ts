import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import type { Metric } from '../../domain/metric';
import type { CloudWatchLimits } from './cloudwatch-limits';

export function toDatum(metric: Metric, timestamp: Date): MetricDatum {
  return {
    MetricName: metric.name,
    Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
    Timestamp: timestamp,
    Value: metric.value,
    Unit: metric.unit,
  };
}

const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Packs data into the fewest requests the limits allow: greedily fills each request
 * up to the item limit, opening a new one early only when the size budget would be
 * exceeded. Order is kept, so the result is deterministic.
 */
export function planRequests(
  namespace: string,
  data: readonly MetricDatum[],
  limits: Pick<CloudWatchLimits, 'maxItemsPerCall' | 'maxPayloadBytes'>,
): MetricDatum[][] {
  const envelope = byteLength({ Namespace: namespace, MetricData: [] });
  const requests: MetricDatum[][] = [];
  let current: MetricDatum[] = [];
  let size = envelope;
  for (const datum of data) {
    // +1 for the comma between array items.
    const itemSize = byteLength(datum) + 1;
    if (envelope + itemSize > limits.maxPayloadBytes) {
      throw new RangeError(
        `metric ${datum.MetricName} alone exceeds the ${limits.maxPayloadBytes}-byte request limit`,
      );
    }
    if (current.length === limits.maxItemsPerCall || size + itemSize > limits.maxPayloadBytes) {
      requests.push(current);
      current = [];
      size = envelope;
    }
    current.push(datum);
    size += itemSize;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
