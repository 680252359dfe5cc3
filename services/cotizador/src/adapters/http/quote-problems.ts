import { AppError, errors, type FieldError } from '@arka/kernel';
import type { ChangeQuoteStateResult } from '../../application/change-quote-state';
import type { CreateQuoteResult, LineProblem, LineProblemKind } from '../../application/create-quote';
import { MAX_CANTIDAD } from '../../domain/quote-lines';

const LINE_RULES: Readonly<Record<LineProblemKind, { rule: string; message: (id: number) => string }>> = {
  'unknown-product': { rule: 'exists', message: (id) => `Producto ${id} does not exist` },
  'inactive-product': { rule: 'active', message: (id) => `Producto ${id} is not active` },
  'quantity-exceeded': {
    rule: 'max',
    message: (id) => `the lines of producto ${id} add up to more than ${MAX_CANTIDAD} units`,
  },
  'conflicting-price': {
    rule: 'single-price',
    message: (id) => `the lines of producto ${id} carry different precioBase values`,
  },
};

/** `productos[i].productoId`, i being the first request line naming the product. */
function lineErrors(
  problems: readonly LineProblem[],
  requested: readonly { productoId: number }[],
): FieldError[] {
  return problems.map((p) => ({
    field: `productos[${Math.max(
      0,
      requested.findIndex((l) => l.productoId === p.productoId),
    )}].productoId`,
    rule: LINE_RULES[p.kind].rule,
    message: LINE_RULES[p.kind].message(p.productoId),
  }));
}

/** The one place where quote outcomes become HTTP problems. */
export function createQuoteProblem(
  result: Exclude<CreateQuoteResult, { ok: true }>,
  requested: readonly { productoId: number }[],
): AppError {
  switch (result.reason) {
    case 'foreign-customer':
      return errors.forbidden('A CLIENTE may quote only for its own clienteId.');
    case 'unknown-customer':
      return errors.unprocessable(`Cliente ${result.clienteId} does not exist.`, [
        { field: 'clienteId', rule: 'exists', message: `Cliente ${result.clienteId} does not exist` },
      ]);
    case 'invalid-lines': {
      const ids = [...new Set(result.problems.map((p) => p.productoId))].join(', ');
      return errors.unprocessable(
        `Some lines cannot be quoted (productoId ${ids}).`,
        lineErrors(result.problems, requested),
      );
    }
    case 'amount-too-large':
      return errors.unprocessable(
        'An amount of this quote is too large to represent exactly (at most 9999999999999.99).',
        [{ field: 'productos', rule: 'max-amount', message: 'amounts must stay below 10^13' }],
      );
  }
}

export function changeStateProblem(
  result: Exclude<ChangeQuoteStateResult, { ok: true }>,
  id: string,
): AppError {
  if (result.reason === 'not-found') return errors.notFound('Cotización', id);
  return errors.conflict(`La cotización está ${result.current}`);
}
