import { appendToOutbox } from '@arka/sql';
import type { Kysely } from 'kysely';
import type { TransactionScope, UnitOfWork } from '../../application/ports';
import { KyselyQuoteRepository } from './kysely-quote-repository';
import { OUTBOX_TABLE, type CotizadorDb } from './schema';

/** One database transaction per unit of work; a thrown error rolls everything back. */
export class KyselyUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Kysely<CotizadorDb>) {}

  transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) =>
      work({
        quotes: new KyselyQuoteRepository(trx),
        outbox: { append: (messages) => appendToOutbox(trx, OUTBOX_TABLE, messages) },
      }),
    );
  }
}
