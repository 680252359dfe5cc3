import type { Quote } from '../domain/quote';
import type { Estado } from '../domain/quote-state';
import { canSee, type Actor } from './actor';
import type { PageRequest, QuoteRepository, Slice } from './ports';

/** A quote the actor may see, or undefined: another tenant's quote does not exist for it. */
export async function findQuote(
  quotes: QuoteRepository,
  actor: Actor,
  id: string,
): Promise<Quote | undefined> {
  const quote = await quotes.findById(id);
  return quote && canSee(actor, quote.clienteId) ? quote : undefined;
}

/** A CLIENTE asking for another customer's quotes gets an empty page, never theirs. */
export async function listQuotes(
  quotes: QuoteRepository,
  actor: Actor,
  filter: { readonly clienteId?: string; readonly estado?: Estado; readonly now: Date },
  page: PageRequest,
): Promise<Slice<Quote>> {
  if (
    actor.confinedTo !== undefined &&
    filter.clienteId !== undefined &&
    filter.clienteId !== actor.confinedTo
  )
    return { items: [], total: 0 };
  const clienteId = actor.confinedTo ?? filter.clienteId;
  return quotes.list({ ...filter, ...(clienteId === undefined ? {} : { clienteId }) }, page);
}
