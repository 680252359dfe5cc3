import { paginateDescribeDBInstances, type RDSClient } from '@aws-sdk/client-rds';
import type { MetricsSource } from '../../application/ports';
import type { DatabaseReading } from '../../domain/reading';
import { belongsToEnvironment, isServingStatus, rdsPrefix } from '../../domain/resource-naming';

/**
 * The environment's RDS MySQL instances (identifiers `arka-mysql-<env>[-…]`, replicas
 * included). DescribeDBInstances has no prefix filter, so the listing is filtered here.
 */
export function createRdsSource(client: RDSClient, environment: string): MetricsSource {
  const prefix = rdsPrefix(environment);
  return {
    name: 'rds',
    async collect(): Promise<DatabaseReading[]> {
      const readings: DatabaseReading[] = [];
      for await (const page of paginateDescribeDBInstances({ client }, {})) {
        for (const instance of page.DBInstances ?? []) {
          const identifier = instance.DBInstanceIdentifier;
          if (identifier === undefined || !belongsToEnvironment(identifier, prefix)) continue;
          readings.push({
            kind: 'database',
            identifier,
            available: isServingStatus(instance.DBInstanceStatus),
            multiAz: instance.MultiAZ === true,
          });
        }
      }
      return readings;
    },
  };
}
