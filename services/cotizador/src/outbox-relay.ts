import type { Logger } from '@arka/kernel';
import { createMessaging, OutboxRelay, type MessagingConfig } from '@arka/messaging';
import { SqlOutboxStore, type SqlDatabase } from '@arka/sql';
import { BatchedOutboxStore } from './adapters/persistence/batched-outbox-store';
import { OUTBOX_TABLE, type CotizadorDb } from './adapters/persistence/schema';

export interface RunningRelay {
  /** Publish now rather than at the next poll. */
  wake(): void;
  /** Stops relaying (finishing the pass in progress) and closes the broker connection. */
  stop(): Promise<void>;
}

/** Relays cotizador_outbox to the broker the configuration names, until stopped. */
export async function startOutboxRelay(
  database: SqlDatabase<CotizadorDb>,
  messagingConfig: MessagingConfig,
  logger: Logger,
): Promise<RunningRelay> {
  const relayLogger = logger.child({ component: 'outbox-relay' });
  const messaging = await createMessaging(messagingConfig, { logger: relayLogger });
  const store = new BatchedOutboxStore(new SqlOutboxStore(database.db, OUTBOX_TABLE));
  const relay = new OutboxRelay({
    store,
    publisher: messaging.publisher,
    sender: messaging.sender,
    logger: relayLogger,
  });
  relay.start();
  return {
    wake: () => relay.wake(),
    async stop() {
      await relay.stop();
      await store.flush();
      await messaging.close();
    },
  };
}
