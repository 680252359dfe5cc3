import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const SERVICE_NAME = 'notifications';
export const METRICS_NAMESPACE = 'Arka/Notifications';

export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** The function's Logger and Metrics; the composition root creates them once. */
export function createObservability(environment: string): Observability {
  return {
    logger: new Logger({ serviceName: SERVICE_NAME, environment, persistentKeys: { environment } }),
    metrics: new Metrics({
      namespace: METRICS_NAMESPACE,
      serviceName: SERVICE_NAME,
      defaultDimensions: { Environment: environment },
    }),
  };
}
