import type { OutboxMessage } from '@arka/messaging';
import { appendToOutbox } from '@arka/sql';
import type { Kysely } from 'kysely';
import type { Outbox, QuoteRepository, TransactionScope } from '../../application/ports';
import type { Quote } from '../../domain/quote';
import { KyselyQuoteRepository } from './kysely-quote-repository';
import { OUTBOX_TABLE, type CotizadorDb } from './schema';

/**
 * A transaction scope shared by the units of a group commit that holds back
 * inserts and writes them as multi-row statements: before any read or update (so
 * every unit sees what the others wrote) and at the end of the batch. A failing
 * insert therefore fails the batch, which then runs each unit alone.
 */
export class BufferedTransactionScope implements TransactionScope {
  readonly quotes: QuoteRepository;
  readonly outbox: Outbox;
  private readonly pendingQuotes: Quote[] = [];
  private readonly pendingMessages: OutboxMessage[] = [];
  private readonly repository: KyselyQuoteRepository;
  private outboxWritten = false;

  constructor(private readonly trx: Kysely<CotizadorDb>) {
    this.repository = new KyselyQuoteRepository(trx);
    const repository = this.repository;
    const flushFirst =
      <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await this.flush();
        return read(...args);
      };
    this.quotes = {
      findById: flushFirst((id: string) => repository.findById(id)),
      list: flushFirst((filter, page) => repository.list(filter, page)),
      resolvePending: flushFirst((id, to, now) => repository.resolvePending(id, to, now)),
      insert: async (quote) => {
        this.pendingQuotes.push(quote);
      },
    };
    this.outbox = {
      append: async (messages) => {
        this.pendingMessages.push(...messages);
      },
    };
  }

  /** True once any outbox message was handed to the scope. */
  get wroteOutbox(): boolean {
    return this.outboxWritten || this.pendingMessages.length > 0;
  }

  async flush(): Promise<void> {
    const quotes = this.pendingQuotes.splice(0);
    const messages = this.pendingMessages.splice(0);
    if (quotes.length > 0) await this.repository.insertMany(quotes);
    if (messages.length > 0) {
      await appendToOutbox(this.trx, OUTBOX_TABLE, messages);
      this.outboxWritten = true;
    }
  }
}
