import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { DescribeDBClustersCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';

/** Mocks of every client the function uses; `reset()` between tests. */
export function mockAws() {
  const ecs = mockClient(ECSClient);
  const rds = mockClient(RDSClient);
  const docdb = mockClient(DocDBClient);
  const cloudwatch = mockClient(CloudWatchClient);
  return {
    ecs,
    rds,
    docdb,
    cloudwatch,
    reset() {
      for (const mock of [ecs, rds, docdb, cloudwatch]) mock.reset();
    },
    /** Typical databases: the environment's own plus others that must be left out. */
    serveDatabases(environment: string) {
      rds.on(DescribeDBInstancesCommand).resolves({
        DBInstances: [
          { DBInstanceIdentifier: `arka-mysql-${environment}`, DBInstanceStatus: 'available', MultiAZ: true },
          {
            DBInstanceIdentifier: `arka-mysql-${environment}ment`,
            DBInstanceStatus: 'available',
            MultiAZ: true,
          },
          { DBInstanceIdentifier: 'arka-mysql-other', DBInstanceStatus: 'available', MultiAZ: false },
          { DBInstanceIdentifier: 'unrelated', DBInstanceStatus: 'available', MultiAZ: false },
        ],
      });
      docdb.on(DescribeDBClustersCommand).resolves({
        DBClusters: [
          {
            DBClusterIdentifier: `arka-documentdb-${environment}`,
            Engine: 'docdb',
            Status: 'available',
            DBClusterMembers: [{ DBInstanceIdentifier: 'a' }, { DBInstanceIdentifier: 'b' }],
          },
          { DBClusterIdentifier: 'arka-documentdb-other', Engine: 'docdb', Status: 'available' },
        ],
      });
    },
    acceptMetrics() {
      cloudwatch.on(PutMetricDataCommand).resolves({});
    },
    /** Every datum sent, call by call. */
    sentCalls(): MetricDatum[][] {
      return cloudwatch.commandCalls(PutMetricDataCommand).map((c) => c.args[0].input.MetricData ?? []);
    },
  };
}

/** A datum as `name{Dim=value,…} value`, for exact and readable comparisons. */
export function describeDatum(datum: MetricDatum): string {
  const dims = (datum.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(',');
  return `${datum.MetricName}{${dims}} ${datum.Value} ${datum.Unit}`;
}
