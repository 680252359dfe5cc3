import type { Kysely } from 'kysely';
import type { PageRequest, QuoteFilter, QuoteRepository, Slice } from '../../application/ports';
import type { Quote } from '../../domain/quote';
import type { StoredEstado } from '../../domain/quote-state';
import { quoteFromRow, quoteRow } from './rows';
import type { CotizadorDb } from './schema';

/** Keeps a statement's bound values (14 per row) well under SQLite's and MySQL's limits. */
const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export class KyselyQuoteRepository implements QuoteRepository {
  constructor(private readonly db: Kysely<CotizadorDb>) {}

  async findById(id: string): Promise<Quote | undefined> {
    const row = await this.db.selectFrom('cotizaciones').selectAll().where('id', '=', id).executeTakeFirst();
    return row && quoteFromRow(row);
  }

  async list(filter: QuoteFilter, page: PageRequest): Promise<Slice<Quote>> {
    const now = filter.now.toISOString();
    let query = this.db.selectFrom('cotizaciones');
    if (filter.clienteId !== undefined) query = query.where('cliente_id', '=', filter.clienteId);
    if (filter.estado === 'VENCIDA')
      query = query.where('estado', '=', 'PENDIENTE').where('fecha_vencimiento', '<', now);
    else if (filter.estado === 'PENDIENTE')
      query = query.where('estado', '=', 'PENDIENTE').where('fecha_vencimiento', '>=', now);
    else if (filter.estado !== undefined) query = query.where('estado', '=', filter.estado);

    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      query
        .selectAll()
        .orderBy('fecha_cotizacion', 'desc')
        .orderBy('id')
        .limit(page.size)
        .offset(page.page * page.size)
        .execute(),
    ]);
    return { items: rows.map(quoteFromRow), total: Number(count.n) };
  }

  async insert(quote: Quote): Promise<void> {
    await this.insertMany([quote]);
  }

  /** Several quotes in a few multi-row statements (group commit). */
  async insertMany(quotes: readonly Quote[]): Promise<void> {
    for (const rows of chunks(quotes.map(quoteRow), ROWS_PER_STATEMENT))
      await this.db.insertInto('cotizaciones').values(rows).execute();
  }

  async resolvePending(id: string, to: StoredEstado, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('cotizaciones')
      .set({ estado: to })
      .where('id', '=', id)
      .where('estado', '=', 'PENDIENTE')
      .where('fecha_vencimiento', '>=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
