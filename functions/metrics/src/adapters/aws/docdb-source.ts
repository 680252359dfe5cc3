import { paginateDescribeDBClusters, type DocDBClient } from '@aws-sdk/client-docdb';
import type { MetricsSource } from '../../application/ports';
import type { DocumentDbReading } from '../../domain/reading';
import { belongsToEnvironment, documentDbPrefix, isServingStatus } from '../../domain/resource-naming';

/**
 * The environment's DocumentDB clusters (identifiers `arka-documentdb-<env>[-…]`).
 * DescribeDBClusters shares its API with RDS and Neptune and lists their clusters
 * too unless filtered by engine, hence the `engine = docdb` filter.
 */
export function createDocumentDbSource(client: DocDBClient, environment: string): MetricsSource {
  const prefix = documentDbPrefix(environment);
  return {
    name: 'documentdb',
    async collect(): Promise<DocumentDbReading[]> {
      const readings: DocumentDbReading[] = [];
      const input = { Filters: [{ Name: 'engine', Values: ['docdb'] }] };
      for await (const page of paginateDescribeDBClusters({ client }, input)) {
        for (const cluster of page.DBClusters ?? []) {
          const identifier = cluster.DBClusterIdentifier;
          if (identifier === undefined || !belongsToEnvironment(identifier, prefix)) continue;
          if (cluster.Engine !== undefined && cluster.Engine !== 'docdb') continue;
          readings.push({
            kind: 'documentdb',
            identifier,
            available: isServingStatus(cluster.Status),
            instances: cluster.DBClusterMembers?.length ?? 0,
          });
        }
      }
      return readings;
    },
  };
}
