import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServicesCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import type { AwsClientStub } from 'aws-sdk-client-mock';

type EcsMock = AwsClientStub<ECSClient>;

export const serviceArn = (cluster: string, name: string): string =>
  `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/${name}`;

export interface FakeService {
  readonly name: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly status?: string;
}

/** `count` services named svc-000…, every third one short of its desired count. */
export function manyServices(count: number): FakeService[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `svc-${String(i).padStart(3, '0')}`,
    desired: 2,
    running: i % 3 === 0 ? 1 : 2,
    pending: i % 3 === 0 ? 1 : 0,
  }));
}

/**
 * Serves one cluster the way ECS does: ListServices in pages of `maxResults` (10 when
 * not asked, at most 100; `pageSize` forces another size) chained by nextToken, DescribeServices for the ARNs asked (refusing more than 10, as ECS does),
 * DescribeClusters with the cluster's counters.
 */
export function serveCluster(
  mock: EcsMock,
  cluster: string,
  services: readonly FakeService[],
  pageSize?: number,
): { listServicesTokens: (string | undefined)[] } {
  // Recorded here because the SDK paginator reuses (mutates) one input object across pages.
  const listServicesTokens: (string | undefined)[] = [];
  const arns = services.map((s) => serviceArn(cluster, s.name));
  const byArn = new Map(services.map((s) => [serviceArn(cluster, s.name), s]));

  mock
    .on(ListServicesCommand, { cluster })
    .callsFake((input: { nextToken?: string; maxResults?: number }) => {
      listServicesTokens.push(input.nextToken);
      const start = input.nextToken === undefined ? 0 : Number(input.nextToken);
      const end = start + (pageSize ?? Math.min(input.maxResults ?? 10, 100));
      return { serviceArns: arns.slice(start, end), nextToken: end < arns.length ? String(end) : undefined };
    });

  mock.on(DescribeServicesCommand, { cluster }).callsFake((input: { services?: string[] }) => {
    const asked = input.services ?? [];
    if (asked.length > 10) throw new Error(`InvalidParameterException: ${asked.length} services, at most 10`);
    const found: Service[] = asked.flatMap((arn) => {
      const s = byArn.get(arn);
      return s === undefined
        ? []
        : [
            {
              serviceArn: arn,
              serviceName: s.name,
              status: s.status ?? 'ACTIVE',
              desiredCount: s.desired,
              runningCount: s.running,
              pendingCount: s.pending,
            },
          ];
    });
    return { services: found, failures: [] };
  });

  mock.on(DescribeClustersCommand, { clusters: [cluster] }).resolves({
    clusters: [
      {
        clusterName: cluster,
        activeServicesCount: services.length,
        runningTasksCount: services.reduce((n, s) => n + s.running, 0),
        pendingTasksCount: services.reduce((n, s) => n + s.pending, 0),
      },
    ],
    failures: [],
  });
  return { listServicesTokens };
}

export { ECSClient };
