import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { RDSClient } from '@aws-sdk/client-rds';
import type { CollectorLogger } from './application/ports';
import { createCollector, type Collector } from './application/run-collection';
import { createCloudWatchSink } from './adapters/aws/cloudwatch-sink';
import { createDocumentDbSource } from './adapters/aws/docdb-source';
import { createEcsSource } from './adapters/aws/ecs-source';
import { createRdsSource } from './adapters/aws/rds-source';
import type { MetricsConfig } from './config';

const clientConfig = (config: MetricsConfig, endpoint: string | undefined) =>
  endpoint === undefined ? { region: config.region } : { region: config.region, endpoint };

/** Builds the AWS clients, sources and sink from the parsed configuration. */
export function createAwsCollector(config: MetricsConfig, logger: CollectorLogger): Collector {
  const ecs = new ECSClient(clientConfig(config, config.endpoints.ecs));
  const rds = new RDSClient(clientConfig(config, config.endpoints.rds));
  const docdb = new DocDBClient(clientConfig(config, config.endpoints.docdb));
  const cloudwatch = new CloudWatchClient(clientConfig(config, config.endpoints.cloudwatch));
  return createCollector({
    sources: [
      ...config.clusters.map((cluster) => createEcsSource(ecs, cluster)),
      createRdsSource(rds, config.environment),
      createDocumentDbSource(docdb, config.environment),
    ],
    sink: createCloudWatchSink({ client: cloudwatch, namespace: config.namespace }),
    environment: config.environment,
    logger,
  });
}
