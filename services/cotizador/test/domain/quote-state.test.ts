import { describe, expect, it } from 'vitest';
import { mergeLines } from '../../src/domain/quote-lines';
import { canTransition, effectiveEstado, ESTADOS, type Estado } from '../../src/domain/quote-state';
import { money } from '@arka/kernel';

const ALLOWED: readonly [Estado, Estado][] = [
  ['PENDIENTE', 'APROBADA'],
  ['PENDIENTE', 'RECHAZADA'],
  ['PENDIENTE', 'CANCELADA'],
];

describe('quote state machine', () => {
  const table = ESTADOS.flatMap((from) => ESTADOS.map((to) => [from, to] as const));
  it.each(table)('%s → %s is allowed only from PENDIENTE to a final state', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('reads a PENDIENTE quote past its fechaVencimiento as VENCIDA, and not a moment before', () => {
    const quote = { estado: 'PENDIENTE' as const, fechaVencimiento: new Date('2026-04-01T00:00:00.000Z') };
    expect(effectiveEstado(quote, new Date('2026-04-01T00:00:00.000Z'))).toBe('PENDIENTE');
    expect(effectiveEstado(quote, new Date('2026-04-01T00:00:00.001Z'))).toBe('VENCIDA');
  });

  it('never turns a final state into VENCIDA', () => {
    const quote = { estado: 'APROBADA' as const, fechaVencimiento: new Date('2026-04-01T00:00:00.000Z') };
    expect(effectiveEstado(quote, new Date('2027-01-01T00:00:00.000Z'))).toBe('APROBADA');
  });
});

describe('merging repeated lines', () => {
  it('adds the quantities of repeated productoId lines, keeping first-seen order', () => {
    const { lines, problems } = mergeLines([
      { productoId: 2, cantidad: 3 },
      { productoId: 1, cantidad: 1 },
      { productoId: 2, cantidad: 4 },
    ]);
    expect(lines).toEqual([
      { productoId: 2, cantidad: 7 },
      { productoId: 1, cantidad: 1 },
    ]);
    expect(problems).toEqual([]);
  });

  it('fails if the merged quantity passes 100000', () => {
    const { problems } = mergeLines([
      { productoId: 5, cantidad: 60_000 },
      { productoId: 5, cantidad: 40_001 },
    ]);
    expect(problems).toEqual([{ kind: 'quantity-exceeded', productoId: 5, cantidad: 100_001 }]);
  });

  it('fails if repeated lines carry different negotiated prices', () => {
    const { problems } = mergeLines([
      { productoId: 5, cantidad: 1, precioBase: money.ofCents(100) },
      { productoId: 5, cantidad: 1, precioBase: money.ofCents(200) },
    ]);
    expect(problems).toEqual([{ kind: 'conflicting-price', productoId: 5 }]);
  });
});
