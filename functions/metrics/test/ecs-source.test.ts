import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServicesCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createEcsSource } from '../src/adapters/aws/ecs-source';
import { manyServices, serveCluster, serviceArn } from './helpers/ecs-fixture';

const ecsMock = mockClient(ECSClient);
const client = new ECSClient({ region: 'us-east-1' });
const CLUSTER = 'arka-cluster-dev';

afterEach(() => ecsMock.reset());

const describeServicesSizes = () =>
  ecsMock.commandCalls(DescribeServicesCommand).map((call) => call.args[0].input.services?.length);

describe('ECS source', () => {
  it.each([
    { services: 0, listPages: 1, describeSizes: [] },
    { services: 1, listPages: 1, describeSizes: [1] },
    { services: 10, listPages: 1, describeSizes: [10] },
    { services: 11, listPages: 1, describeSizes: [10, 1] },
    { services: 250, listPages: 3, describeSizes: Array.from({ length: 25 }, () => 10) },
  ])(
    'reads $services services through $listPages ListServices page(s) of 100 and DescribeServices groups of at most 10',
    async ({ services, listPages, describeSizes }) => {
      // Prepare
      const fleet = manyServices(services);
      serveCluster(ecsMock, CLUSTER, fleet);

      // Act
      const readings = await createEcsSource(client, CLUSTER).collect();

      // Assess
      const listCalls = ecsMock.commandCalls(ListServicesCommand);
      expect(listCalls).toHaveLength(listPages);
      expect(listCalls.every((call) => call.args[0].input.maxResults === 100)).toBe(true);
      expect(describeServicesSizes()).toEqual(describeSizes);
      const serviceReadings = readings.filter((r) => r.kind === 'service');
      expect(serviceReadings.map((r) => r.service)).toEqual(fleet.map((s) => s.name));
      expect(readings.filter((r) => r.kind === 'cluster')).toEqual([
        expect.objectContaining({ kind: 'cluster', cluster: CLUSTER, activeServices: services }),
      ]);
    },
  );

  it('follows nextToken until the last page, whatever the page size', async () => {
    // Prepare
    const served = serveCluster(ecsMock, CLUSTER, manyServices(23), 7);

    // Act
    const readings = await createEcsSource(client, CLUSTER).collect();

    // Assess
    expect(served.listServicesTokens).toEqual([undefined, '7', '14', '21']);
    expect(describeServicesSizes()).toEqual([10, 10, 3]);
    expect(readings.filter((r) => r.kind === 'service')).toHaveLength(23);
  });

  it('reports desired, running and pending counts of each service and the cluster counters', async () => {
    // Prepare
    serveCluster(ecsMock, CLUSTER, [
      { name: 'gateway', desired: 2, running: 2, pending: 0 },
      { name: 'cotizador', desired: 2, running: 1, pending: 1 },
    ]);

    // Act
    const readings = await createEcsSource(client, CLUSTER).collect();

    // Assess
    expect(readings).toEqual([
      { kind: 'service', cluster: CLUSTER, service: 'gateway', desired: 2, running: 2, pending: 0 },
      { kind: 'service', cluster: CLUSTER, service: 'cotizador', desired: 2, running: 1, pending: 1 },
      { kind: 'cluster', cluster: CLUSTER, activeServices: 2, runningTasks: 3, pendingTasks: 1 },
    ]);
  });

  it('skips services ECS reports as INACTIVE (deleted)', async () => {
    // Prepare
    serveCluster(ecsMock, CLUSTER, [
      { name: 'gateway', desired: 2, running: 2, pending: 0 },
      { name: 'old', desired: 0, running: 0, pending: 0, status: 'INACTIVE' },
    ]);

    // Act
    const readings = await createEcsSource(client, CLUSTER).collect();

    // Assess
    expect(readings.filter((r) => r.kind === 'service').map((r) => r.service)).toEqual(['gateway']);
  });

  it('fails if DescribeServices reports failures, naming them', async () => {
    // Prepare
    serveCluster(ecsMock, CLUSTER, manyServices(1));
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [],
      failures: [{ arn: serviceArn(CLUSTER, 'svc-000'), reason: 'MISSING' }],
    });

    // Act
    const collecting = createEcsSource(client, CLUSTER).collect();

    // Assess
    await expect(collecting).rejects.toThrow(
      /DescribeServices on cluster arka-cluster-dev .*svc-000: MISSING/,
    );
  });

  it('fails if the cluster does not exist', async () => {
    // Prepare
    serveCluster(ecsMock, CLUSTER, []);
    ecsMock
      .on(DescribeClustersCommand)
      .resolves({ clusters: [], failures: [{ arn: CLUSTER, reason: 'MISSING' }] });

    // Act
    const collecting = createEcsSource(client, CLUSTER).collect();

    // Assess
    await expect(collecting).rejects.toThrow(/DescribeClusters on cluster arka-cluster-dev .*MISSING/);
  });
});
