import { DIMENSION, metric, type Metric } from './metric';
import type { Reading } from './reading';

const HEALTHY = 100;
const UNHEALTHY = 0;

/** ServiceHealth is binary on purpose: an alarm on `< 100` fires for any shortfall. */
export function serviceHealth(running: number, desired: number): number {
  return running >= desired ? HEALTHY : UNHEALTHY;
}

const flag = (value: boolean): number => (value ? 1 : 0);

export function readingToMetrics(reading: Reading, environment: string): Metric[] {
  const env = { [DIMENSION.environment]: environment };
  switch (reading.kind) {
    case 'service': {
      const dims = { ...env, [DIMENSION.cluster]: reading.cluster, [DIMENSION.service]: reading.service };
      return [
        metric('DesiredTasks', reading.desired, dims),
        metric('RunningTasks', reading.running, dims),
        metric('PendingTasks', reading.pending, dims),
        metric('ServiceHealth', serviceHealth(reading.running, reading.desired), dims),
      ];
    }
    case 'cluster': {
      const dims = { ...env, [DIMENSION.cluster]: reading.cluster };
      return [
        metric('ActiveServicesCount', reading.activeServices, dims),
        metric('RunningTasksCount', reading.runningTasks, dims),
        metric('PendingTasksCount', reading.pendingTasks, dims),
      ];
    }
    case 'database': {
      const dims = { ...env, [DIMENSION.dbInstance]: reading.identifier };
      const status = metric('DatabaseStatus', flag(reading.available), dims);
      return reading.multiAz === undefined
        ? [status]
        : [status, metric('MultiAZ', flag(reading.multiAz), dims)];
    }
    case 'documentdb': {
      const dims = { ...env, [DIMENSION.dbCluster]: reading.identifier };
      const status = metric('DocumentDBStatus', flag(reading.available), dims);
      return reading.instances === undefined
        ? [status]
        : [status, metric('DocumentDBInstances', reading.instances, dims)];
    }
  }
}

export function readingsToMetrics(readings: readonly Reading[], environment: string): Metric[] {
  return readings.flatMap((reading) => readingToMetrics(reading, environment));
}

export function collectorErrorsMetric(failedSources: number, environment: string): Metric {
  return metric('CollectorErrors', failedSources, { [DIMENSION.environment]: environment });
}
