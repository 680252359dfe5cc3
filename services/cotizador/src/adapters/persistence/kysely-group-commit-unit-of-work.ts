import type { Kysely } from 'kysely';
import type { TransactionScope, UnitOfWork } from '../../application/ports';
import { BufferedTransactionScope } from './buffered-transaction-scope';
import { KyselyUnitOfWork } from './kysely-unit-of-work';
import type { CotizadorDb } from './schema';

interface Queued {
  readonly work: (scope: TransactionScope) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite: its one connection runs one transaction at a time, and
 * each commit appends pages to the WAL that a checkpoint must later copy and sync.
 * Units of work that arrive while a batch is being written are queued and then
 * run one after another inside one transaction, so concurrent requests share a
 * commit, and their inserts share multi-row statements. If any of them fails, the whole batch rolls back and each unit is run
 * again alone, so only the failing one fails. Units must therefore not act outside
 * their scope (the port says so).
 */
export class KyselyGroupCommitUnitOfWork implements UnitOfWork {
  private queue: Queued[] = [];
  private flushing = false;
  private readonly single: KyselyUnitOfWork;

  constructor(
    private readonly db: Kysely<CotizadorDb>,
    private readonly onOutboxCommitted: () => void = () => {},
    private readonly maxBatch = 200,
  ) {
    this.single = new KyselyUnitOfWork(db, onOutboxCommitted);
  }

  transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: (value) => resolve(value as T), reject });
      if (!this.flushing) {
        this.flushing = true;
        // Lets the requests of this turn of the event loop join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      await (batch.length === 1 ? this.runAlone(batch) : this.runTogether(batch));
    }
    this.flushing = false;
  }

  /** In arrival order, so each unit sees what the ones before it committed. */
  private async runAlone(batch: readonly Queued[]): Promise<void> {
    for (const unit of batch) await this.single.transaction(unit.work).then(unit.resolve, unit.reject);
  }

  private async runTogether(batch: readonly Queued[]): Promise<void> {
    let wroteOutbox = false;
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const scope = new BufferedTransactionScope(trx);
        const values: unknown[] = [];
        for (const unit of batch) values.push(await unit.work(scope));
        wroteOutbox = scope.wroteOutbox;
        await scope.flush();
        return values;
      });
    } catch {
      // Nothing of the batch was kept; the unit at fault fails on its own below.
      await this.runAlone(batch);
      return;
    }
    if (wroteOutbox) this.onOutboxCommitted();
    batch.forEach((unit, index) => unit.resolve(results[index]));
  }
}
