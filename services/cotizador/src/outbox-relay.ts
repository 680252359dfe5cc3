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

/** Deletes relayed rows from cotizador_outbox over the given connection. */
export function outboxDeleter(database: SqlDatabase<CotizadorDb>): (ids: readonly string[]) => Promise<void> {
  const store = new SqlOutboxStore(database.db, OUTBOX_TABLE);
  return (ids) => store.markSent(ids);
}

/**
 * Relays cotizador_outbox to the broker the configuration names, until stopped.
 * `deleteSent` deletes the relayed rows; by default over `database`, which then
 * both reads and writes the outbox.
 */
export async function startOutboxRelay(
  database: SqlDatabase<CotizadorDb>,
  messagingConfig: MessagingConfig,
  logger: Logger,
  deleteSent?: (ids: readonly string[]) => Promise<void>,
): Promise<RunningRelay> {
  const relayLogger = logger.child({ component: 'outbox-relay' });
  const messaging = await createMessaging(messagingConfig, { logger: relayLogger });
  const outbox = new SqlOutboxStore(database.db, OUTBOX_TABLE);
  const store = new BatchedOutboxStore({
    fetchPending: (limit) => outbox.fetchPending(limit),
    markSent: deleteSent ?? ((ids) => outbox.markSent(ids)),
  });
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
