import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  paginateListServices,
  type ECSClient,
  type Failure,
} from '@aws-sdk/client-ecs';
import type { MetricsSource } from '../../application/ports';
import type { ClusterReading, Reading, ServiceReading } from '../../domain/reading';
import { chunk } from './chunk';

/** DescribeServices accepts at most 10 services per call. */
export const DESCRIBE_SERVICES_MAX = 10;
/** ListServices returns at most 100 ARNs per page (10 unless asked). */
export const LIST_SERVICES_PAGE_SIZE = 100;

/**
 * One ECS cluster: its services (ListServices, paginated; DescribeServices in groups
 * of 10) and its own counters (DescribeClusters). One source per cluster, so a
 * failing cluster does not hide the others.
 */
export function createEcsSource(client: ECSClient, cluster: string): MetricsSource {
  return {
    name: `ecs:${cluster}`,
    async collect(): Promise<Reading[]> {
      const [services, clusterReading] = await Promise.all([
        readServices(client, cluster),
        readCluster(client, cluster),
      ]);
      return [...services, clusterReading];
    },
  };
}

async function readServices(client: ECSClient, cluster: string): Promise<ServiceReading[]> {
  const arns: string[] = [];
  for await (const page of paginateListServices({ client, pageSize: LIST_SERVICES_PAGE_SIZE }, { cluster }))
    arns.push(...(page.serviceArns ?? []));

  const readings: ServiceReading[] = [];
  // Sequential on purpose: 25 parallel calls for 250 services would invite throttling.
  for (const group of chunk(arns, DESCRIBE_SERVICES_MAX)) {
    const out = await client.send(new DescribeServicesCommand({ cluster, services: group }));
    throwOnFailures('DescribeServices', cluster, out.failures);
    for (const service of out.services ?? []) {
      // INACTIVE services are deleted ones ListServices may still return briefly.
      if (service.status === 'INACTIVE') continue;
      readings.push({
        kind: 'service',
        cluster,
        service: required(service.serviceName, 'serviceName'),
        desired: service.desiredCount ?? 0,
        running: service.runningCount ?? 0,
        pending: service.pendingCount ?? 0,
      });
    }
  }
  return readings;
}

async function readCluster(client: ECSClient, cluster: string): Promise<ClusterReading> {
  const out = await client.send(new DescribeClustersCommand({ clusters: [cluster] }));
  throwOnFailures('DescribeClusters', cluster, out.failures);
  const found = out.clusters?.[0];
  if (found === undefined) throw new Error(`DescribeClusters returned no cluster for ${cluster}`);
  return {
    kind: 'cluster',
    cluster: found.clusterName ?? cluster,
    activeServices: found.activeServicesCount ?? 0,
    runningTasks: found.runningTasksCount ?? 0,
    pendingTasks: found.pendingTasksCount ?? 0,
  };
}

function throwOnFailures(operation: string, cluster: string, failures: Failure[] | undefined): void {
  if (failures === undefined || failures.length === 0) return;
  const reasons = failures.map(
    (f) => `${f.arn ?? '?'}: ${f.reason ?? 'unknown'}${f.detail ? ` (${f.detail})` : ''}`,
  );
  throw new Error(`${operation} on cluster ${cluster} reported failures: ${reasons.join('; ')}`);
}

function required(value: string | undefined, field: string): string {
  if (value === undefined || value === '') throw new Error(`ECS response is missing ${field}`);
  return value;
}
