import { money } from '@arka/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerRatePercent, TIPOS_CLIENTE } from '../../src/domain/customer';
import { priceQuote, volumeRatePercent } from '../../src/domain/pricing';

const lineArb = fc.record({
  productoId: fc.integer({ min: 1, max: 1000 }),
  nombre: fc.constant('p'),
  cantidad: fc.integer({ min: 1, max: 100_000 }),
  // Up to 999,999.99 pesos; the few quotes past 15 digits are refused with 422 over HTTP.
  precioUnitario: fc.bigInt({ min: 1n, max: 99_999_999n }).map((c) => money.ofCents(c)),
  stock: fc.integer({ min: 0, max: 200_000 }),
});

describe('quote pricing, for random quotes', () => {
  it('keeps every amount in whole cents and subtotal − descuentos + impuestos = total', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIPOS_CLIENTE),
        fc.array(lineArb, { minLength: 1, maxLength: 100 }),
        (tipo, lines) => {
          const quote = priceQuote(tipo, lines);
          fc.pre(money.isRepresentable(quote.total) && money.isRepresentable(quote.subtotal));
          for (const amount of [
            quote.subtotal,
            quote.descuentos,
            quote.impuestos,
            quote.total,
            ...quote.lineas.map((l) => l.subtotal),
          ]) {
            expect(typeof amount).toBe('bigint');
            // Whole cents survive the trip to a JSON number and back unchanged.
            expect(money.parse(money.toNumber(amount))).toBe(amount);
          }
          expect(quote.subtotal - quote.descuentos + quote.impuestos).toBe(quote.total);
          expect(quote.subtotal).toBe(
            quote.lineas.reduce((s, l) => s + l.precioUnitario * BigInt(l.cantidad), 0n),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('discounts at the larger of the customer and volume rates, rounded half up', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIPOS_CLIENTE),
        fc.array(lineArb, { minLength: 1, maxLength: 20 }),
        (tipo, lines) => {
          const quote = priceQuote(tipo, lines);
          const units = lines.reduce((n, l) => n + l.cantidad, 0);
          const rate = Math.max(customerRatePercent(tipo), volumeRatePercent(units));
          expect(quote.ratePercent).toBe(rate);
          // Exact rational check of half-up: |descuentos × 100 − subtotal × rate| ≤ 50.
          const error = quote.descuentos * 100n - quote.subtotal * BigInt(rate);
          expect(error > -50n && error <= 50n).toBe(true);
          const taxable = quote.subtotal - quote.descuentos;
          const ivaError = quote.impuestos * 100n - taxable * 19n;
          expect(ivaError > -50n && ivaError <= 50n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
