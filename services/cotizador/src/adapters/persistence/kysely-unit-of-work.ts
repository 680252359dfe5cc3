import { appendToOutbox } from '@arka/sql';
import type { Kysely } from 'kysely';
import type { TransactionScope, UnitOfWork } from '../../application/ports';
import { KyselyQuoteRepository } from './kysely-quote-repository';
import { OUTBOX_TABLE, type CotizadorDb } from './schema';

/** A scope on `trx` that reports whether anything went to the outbox. */
export function transactionScope(trx: Kysely<CotizadorDb>, onOutboxWrite: () => void): TransactionScope {
  return {
    quotes: new KyselyQuoteRepository(trx),
    outbox: {
      append: async (messages) => {
        await appendToOutbox(trx, OUTBOX_TABLE, messages);
        if (messages.length > 0) onOutboxWrite();
      },
    },
  };
}

/**
 * One database transaction per unit of work; a thrown error rolls everything back.
 * `onOutboxCommitted` runs after a commit that wrote outbox messages, so a relay in
 * this process publishes them at once instead of at its next poll.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: Kysely<CotizadorDb>,
    private readonly onOutboxCommitted: () => void = () => {},
  ) {}

  async transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
    let wroteOutbox = false;
    const result = await this.db.transaction().execute((trx) =>
      work(
        transactionScope(trx, () => {
          wroteOutbox = true;
        }),
      ),
    );
    if (wroteOutbox) this.onOutboxCommitted();
    return result;
  }
}
