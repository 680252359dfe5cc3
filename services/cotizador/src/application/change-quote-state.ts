import type { Quote } from '../domain/quote';
import { canTransition, effectiveEstado, type Estado } from '../domain/quote-state';
import { canSee, type Actor } from './actor';
import type { Clock, IdGenerator, UnitOfWork } from './ports';
import { quoteResolvedMessage } from './quote-notifications';

export type ChangeQuoteStateResult =
  | { readonly ok: true; readonly quote: Quote }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'invalid-transition'; readonly current: Estado };

export interface ChangeQuoteStateDeps {
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** Where approvals and rejections are announced. */
  readonly salesEmail: string;
}

/**
 * Moves a PENDIENTE quote to APROBADA, RECHAZADA or CANCELADA. Approving or
 * rejecting queues a notification to sales in the same transaction. Anything else,
 * including a quote that expired, is an invalid transition naming the current state.
 */
export async function changeQuoteState(
  deps: ChangeQuoteStateDeps,
  actor: Actor,
  id: string,
  to: Estado,
): Promise<ChangeQuoteStateResult> {
  const now = deps.clock();
  return deps.unitOfWork.transaction(async ({ quotes, outbox }): Promise<ChangeQuoteStateResult> => {
    const quote = await quotes.findById(id);
    if (!quote || !canSee(actor, quote.clienteId)) return { ok: false, reason: 'not-found' };
    const current = effectiveEstado(quote, now);
    if (!canTransition(current, to)) return { ok: false, reason: 'invalid-transition', current };
    if (!(await quotes.resolvePending(id, to, now))) {
      const latest = await quotes.findById(id);
      return {
        ok: false,
        reason: 'invalid-transition',
        current: latest ? effectiveEstado(latest, now) : current,
      };
    }
    const changed: Quote = { ...quote, estado: to };
    if (to === 'APROBADA' || to === 'RECHAZADA')
      await outbox.append([quoteResolvedMessage(changed, to, deps.salesEmail, deps.newId(), now)]);
    return { ok: true, quote: changed };
  });
}
