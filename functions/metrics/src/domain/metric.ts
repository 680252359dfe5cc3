/**
 * The metric model shared by every source and sink. It deliberately carries no
 * timestamp: a run stamps all of its metrics with one instant (see `MetricBatch`).
 */
export type MetricUnit = 'Count' | 'Percent' | 'None';

export interface Metric {
  readonly name: MetricName;
  readonly value: number;
  readonly unit: MetricUnit;
  /** Dimension name → value, in a stable order (CloudWatch dimensions, Prometheus labels). */
  readonly dimensions: Readonly<Record<string, string>>;
}

/** What one run hands to a sink: every metric of the run, all at one timestamp. */
export interface MetricBatch {
  readonly timestamp: Date;
  readonly metrics: readonly Metric[];
}

export const DIMENSION = {
  environment: 'Environment',
  cluster: 'ClusterName',
  service: 'ServiceName',
  dbInstance: 'DBInstanceIdentifier',
  dbCluster: 'DBClusterIdentifier',
} as const;

interface MetricDefinition {
  readonly unit: MetricUnit;
  /** Name of the same gauge in the Prometheus exposition. */
  readonly prometheusName: string;
  readonly help: string;
}

/** Every metric the function publishes; names are the CloudWatch contract of DOMAIN.md. */
export const METRIC_CATALOGUE = {
  DesiredTasks: {
    unit: 'Count',
    prometheusName: 'arka_service_desired_tasks',
    help: 'Tasks the ECS service wants running.',
  },
  RunningTasks: {
    unit: 'Count',
    prometheusName: 'arka_service_running_tasks',
    help: 'Tasks of the ECS service that are running.',
  },
  PendingTasks: {
    unit: 'Count',
    prometheusName: 'arka_service_pending_tasks',
    help: 'Tasks of the ECS service that are pending.',
  },
  ServiceHealth: {
    unit: 'Percent',
    prometheusName: 'arka_service_health_percent',
    help: '100 when running tasks >= desired tasks, else 0.',
  },
  ActiveServicesCount: {
    unit: 'Count',
    prometheusName: 'arka_cluster_active_services',
    help: 'Active services in the ECS cluster.',
  },
  RunningTasksCount: {
    unit: 'Count',
    prometheusName: 'arka_cluster_running_tasks',
    help: 'Running tasks in the ECS cluster.',
  },
  PendingTasksCount: {
    unit: 'Count',
    prometheusName: 'arka_cluster_pending_tasks',
    help: 'Pending tasks in the ECS cluster.',
  },
  DatabaseStatus: {
    unit: 'None',
    prometheusName: 'arka_database_up',
    help: '1 when the database instance is available, else 0.',
  },
  MultiAZ: {
    unit: 'None',
    prometheusName: 'arka_database_multi_az',
    help: '1 when the database instance is Multi-AZ, else 0.',
  },
  DocumentDBStatus: {
    unit: 'None',
    prometheusName: 'arka_documentdb_up',
    help: '1 when the DocumentDB cluster is available, else 0.',
  },
  DocumentDBInstances: {
    unit: 'Count',
    prometheusName: 'arka_documentdb_instances',
    help: 'Instances that are members of the DocumentDB cluster.',
  },
  CollectorErrors: {
    unit: 'Count',
    prometheusName: 'arka_collector_errors',
    help: 'Metric sources that failed during the last run.',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRIC_CATALOGUE;

export function metric(name: MetricName, value: number, dimensions: Record<string, string>): Metric {
  return { name, value, unit: METRIC_CATALOGUE[name].unit, dimensions };
}
