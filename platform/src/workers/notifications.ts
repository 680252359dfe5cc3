/**
 * The notifications function on the local platform: ensures the audit table exists
 * in dynalite, then runs the unchanged Lambda `handler` under the local SQS event
 * source on arka-notificaciones-processing.
 */
import { join } from 'node:path';
import { parseConfig } from '@arka/kernel';
import { EmbeddedBroker, LocalSqsEventSource, QUEUE_NAMES } from '@arka/messaging';
import { z } from 'zod';
import { ensureAuditTable, localDynamoClient } from './audit-table';
import { workerLogger } from './json-logger';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Starts the notifications function in this process; resolves once its event source
 * consumes. `close()` waits for the batch in flight and closes the broker.
 */
export async function startNotifications(env: Env): Promise<{ close(): Promise<void> }> {
  const config = parseConfig(
    z.object({
      ARKA_DATA_DIR: z.string().min(1),
      DYNAMODB_ENDPOINT: z.url(),
      AUDIT_TABLE_NAME: z.string().min(1),
      AWS_REGION: z.string().min(1),
    }),
    env,
  );

  const dynamo = localDynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
  try {
    await ensureAuditTable(dynamo, config.AUDIT_TABLE_NAME);
  } finally {
    dynamo.destroy();
  }

  // The handler module reads and validates its configuration (process.env) when it is loaded.
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
  workerLogger.info(
    { part: 'notifications', queue: QUEUE_NAMES.notificacionesProcessing },
    'notifications consuming',
  );
  return {
    async close() {
      await source.stop();
      await broker.close();
    },
  };
}
