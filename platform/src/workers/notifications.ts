/**
 * The notifications function on the local platform: ensures the audit table exists
 * in dynalite, then runs the unchanged Lambda `handler` under the local SQS event
 * source on arka-notificaciones-processing. Tells the supervisor it is ready over IPC.
 */
import { join } from 'node:path';
import { parseConfig } from '@arka/kernel';
import { EmbeddedBroker, LocalSqsEventSource, QUEUE_NAMES } from '@arka/messaging';
import { z } from 'zod';
import { ensureAuditTable, localDynamoClient } from './audit-table';
import { workerLogger } from './json-logger';

const config = parseConfig(
  z.object({
    ARKA_DATA_DIR: z.string().min(1),
    DYNAMODB_ENDPOINT: z.url(),
    AUDIT_TABLE_NAME: z.string().min(1),
    AWS_REGION: z.string().min(1),
  }),
  process.env,
);

const dynamo = localDynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
await ensureAuditTable(dynamo, config.AUDIT_TABLE_NAME);
dynamo.destroy();

// The handler module reads and validates its configuration when it is loaded.
const { handler } = await import('@arka/notifications/src/handler');
const broker = EmbeddedBroker.open({
  path: join(config.ARKA_DATA_DIR, 'broker.sqlite'),
  logger: workerLogger,
});
const source = new LocalSqsEventSource({
  broker,
  queue: QUEUE_NAMES.notificacionesProcessing,
  handler,
  functionName: 'arka-notifications-local',
  logger: workerLogger,
});
source.start();
process.send?.({ type: 'ready' });

const shutdown = async () => {
  await source.stop();
  await broker.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
