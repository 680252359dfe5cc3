export type { Metric, MetricBatch, MetricName, MetricUnit } from './domain/metric';
export { METRIC_CATALOGUE, DIMENSION } from './domain/metric';
export type { Reading } from './domain/reading';
export type { Clock, CollectorLogger, MetricsSink, MetricsSource } from './application/ports';
export { createCollector, runCollection } from './application/run-collection';
export type { CollectionDeps, Collector, RunSummary } from './application/run-collection';
export { loadConfig, ConfigError, type MetricsConfig } from './config';
export { createAwsCollector } from './aws-composition';
export { createCloudWatchSink, MetricsPublishError } from './adapters/aws/cloudwatch-sink';
export { CLOUDWATCH_LIMITS } from './adapters/aws/cloudwatch-limits';
export { createEcsSource } from './adapters/aws/ecs-source';
export { createRdsSource } from './adapters/aws/rds-source';
export { createDocumentDbSource } from './adapters/aws/docdb-source';
export { createLocalPlatformSource } from './adapters/local/local-platform-source';
export type {
  LocalPlatformProvider,
  LocalPlatformSourceOptions,
  LocalPlatformView,
  LocalServiceStatus,
  LocalStore,
} from './adapters/local/local-platform-source';
export {
  createPrometheusSink,
  PROMETHEUS_CONTENT_TYPE,
  type PrometheusSink,
} from './adapters/local/prometheus-sink';
export {
  createMetricsTimer,
  type MetricsTimer,
  type MetricsTimerOptions,
} from './adapters/local/metrics-timer';
