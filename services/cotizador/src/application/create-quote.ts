import { money, type Cents } from '@arka/kernel';
import { newQuote, type Quote } from '../domain/quote';
import { mergeLines, type RequestedLine } from '../domain/quote-lines';
import { priceQuote, type PricingLine } from '../domain/pricing';
import type { Product } from '../domain/product';
import type { Clock, CustomerRepository, IdGenerator, ProductRepository, UnitOfWork } from './ports';
import { quoteCreatedMessage } from './quote-notifications';
import type { Actor } from './actor';

export interface CreateQuoteCommand {
  readonly clienteId: string;
  readonly observaciones?: string;
  readonly lines: readonly RequestedLine[];
}

export type LineProblemKind =
  'unknown-product' | 'inactive-product' | 'quantity-exceeded' | 'conflicting-price';
export interface LineProblem {
  readonly productoId: number;
  readonly kind: LineProblemKind;
}

export type CreateQuoteResult =
  | { readonly ok: true; readonly quote: Quote }
  | { readonly ok: false; readonly reason: 'foreign-customer' }
  | { readonly ok: false; readonly reason: 'unknown-customer'; readonly clienteId: string }
  | { readonly ok: false; readonly reason: 'invalid-lines'; readonly problems: readonly LineProblem[] }
  | { readonly ok: false; readonly reason: 'amount-too-large' };

export interface CreateQuoteDeps {
  readonly products: ProductRepository;
  readonly customers: CustomerRepository;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

function lineProblems(lines: readonly RequestedLine[], found: ReadonlyMap<number, Product>): LineProblem[] {
  const problems: LineProblem[] = [];
  for (const line of lines) {
    const product = found.get(line.productoId);
    if (!product) problems.push({ productoId: line.productoId, kind: 'unknown-product' });
    else if (!product.activo) problems.push({ productoId: line.productoId, kind: 'inactive-product' });
  }
  return problems;
}

/**
 * Prices and stores a quote, and queues the customer's notification in the same
 * transaction. Unit prices are the catalog's unless the actor negotiates prices
 * (staff) and the line carries a precioBase; tipoCliente is the customer record's.
 */
export async function createQuote(
  deps: CreateQuoteDeps,
  actor: Actor,
  command: CreateQuoteCommand,
): Promise<CreateQuoteResult> {
  if (actor.confinedTo !== undefined && actor.confinedTo !== command.clienteId)
    return { ok: false, reason: 'foreign-customer' };
  const merged = mergeLines(command.lines);
  const [customer, products] = await Promise.all([
    deps.customers.findById(command.clienteId),
    deps.products.findByIds(merged.lines.map((l) => l.productoId)),
  ]);
  if (!customer) return { ok: false, reason: 'unknown-customer', clienteId: command.clienteId };

  const byId = new Map(products.map((p) => [p.id, p]));
  const problems = [
    ...lineProblems(merged.lines, byId),
    ...merged.problems.map((p) => ({ productoId: p.productoId, kind: p.kind })),
  ];
  if (problems.length > 0) return { ok: false, reason: 'invalid-lines', problems };

  const pricing: PricingLine[] = [];
  for (const line of merged.lines) {
    const product = byId.get(line.productoId);
    if (!product) throw new Error(`product ${line.productoId} vanished after validation`);
    const unit: Cents =
      actor.negotiatesPrices && line.precioBase !== undefined ? line.precioBase : product.precio;
    pricing.push({
      productoId: product.id,
      nombre: product.nombre,
      cantidad: line.cantidad,
      precioUnitario: unit,
      stock: product.stock,
    });
  }
  const priced = priceQuote(customer.tipoCliente, pricing);
  const amounts = [
    priced.subtotal,
    priced.total,
    ...priced.lineas.flatMap((l) => [l.precioUnitario, l.subtotal]),
  ];
  if (!amounts.every(money.isRepresentable)) return { ok: false, reason: 'amount-too-large' };

  const now = deps.clock();
  const quote = newQuote({
    id: deps.newId(),
    clienteId: customer.id,
    tipoCliente: customer.tipoCliente,
    observaciones: command.observaciones ?? null,
    priced,
    now,
  });
  await deps.unitOfWork.transaction(async ({ quotes, outbox }) => {
    await quotes.insert(quote);
    await outbox.append([quoteCreatedMessage(quote, customer, deps.newId(), now)]);
  });
  return { ok: true, quote };
}
