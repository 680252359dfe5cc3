import type { Cents } from '@arka/kernel';

export const MAX_LINES = 100;
export const MAX_CANTIDAD = 100_000;

export interface RequestedLine {
  readonly productoId: number;
  readonly cantidad: number;
  /** A negotiated unit price; honoured only for staff (the use case decides). */
  readonly precioBase?: Cents;
}

export type MergeProblem =
  | { readonly kind: 'quantity-exceeded'; readonly productoId: number; readonly cantidad: number }
  | { readonly kind: 'conflicting-price'; readonly productoId: number };

/**
 * Repeated productoId lines become one line with the sum of their quantities
 * (DOMAIN.md), in first-seen order. A merged quantity may pass the per-line limit,
 * and two different negotiated prices for one product cannot be merged: both are
 * reported rather than guessed.
 */
export function mergeLines(lines: readonly RequestedLine[]): {
  readonly lines: readonly RequestedLine[];
  readonly problems: readonly MergeProblem[];
} {
  const merged = new Map<number, RequestedLine>();
  const conflicting = new Set<number>();
  for (const line of lines) {
    const seen = merged.get(line.productoId);
    if (!seen) {
      merged.set(line.productoId, line);
      continue;
    }
    if (seen.precioBase !== undefined && line.precioBase !== undefined && seen.precioBase !== line.precioBase)
      conflicting.add(line.productoId);
    const precioBase = seen.precioBase ?? line.precioBase;
    merged.set(line.productoId, {
      productoId: line.productoId,
      cantidad: seen.cantidad + line.cantidad,
      ...(precioBase === undefined ? {} : { precioBase }),
    });
  }
  const problems: MergeProblem[] = [];
  for (const line of merged.values()) {
    if (line.cantidad > MAX_CANTIDAD)
      problems.push({ kind: 'quantity-exceeded', productoId: line.productoId, cantidad: line.cantidad });
    if (conflicting.has(line.productoId))
      problems.push({ kind: 'conflicting-price', productoId: line.productoId });
  }
  return { lines: [...merged.values()], problems };
}
