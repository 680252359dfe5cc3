import { money } from '@arka/kernel';
import { describe, expect, it } from 'vitest';
import { availability, deliveryDays } from '../../src/domain/availability';
import { paymentTerms } from '../../src/domain/customer';
import { discountRatePercent, priceQuote, volumeRatePercent } from '../../src/domain/pricing';

const line = (cantidad: number, precio: string, stock = 1_000_000) => ({
  productoId: 1,
  nombre: 'x',
  cantidad,
  precioUnitario: money.parse(precio) ?? money.zero,
  stock,
});
const text = (q: ReturnType<typeof priceQuote>) => ({
  subtotal: money.format(q.subtotal),
  descuentos: money.format(q.descuentos),
  impuestos: money.format(q.impuestos),
  total: money.format(q.total),
});

describe('quote pricing', () => {
  it('prices the MAYORISTA worked example: 50 × 100.00', () => {
    const quote = priceQuote('MAYORISTA', [line(50, '100.00')]);
    expect(text(quote)).toEqual({
      subtotal: '5000.00',
      descuentos: '500.00',
      impuestos: '855.00',
      total: '5355.00',
    });
    expect(quote.condicionesPago).toBe('30 días');
  });

  it('prices the RETAIL worked example with the 5 % volume rate: 25 × 40.00', () => {
    const quote = priceQuote('RETAIL', [line(25, '40.00')]);
    expect(text(quote)).toEqual({
      subtotal: '1000.00',
      descuentos: '50.00',
      impuestos: '180.50',
      total: '1130.50',
    });
    expect(quote.condicionesPago).toBe('Pago contra entrega');
  });

  it.each([
    [19, 0],
    [20, 5],
    [49, 5],
    [50, 10],
    [99, 10],
    [100, 15],
    [100_000, 15],
  ])('gives %i units a volume rate of %i %%', (units, percent) => {
    expect(volumeRatePercent(units)).toBe(percent);
  });

  it.each([
    ['RETAIL', 19, 0],
    ['RETAIL', 20, 5],
    ['MAYORISTA', 19, 10],
    ['MAYORISTA', 99, 10],
    ['MAYORISTA', 100, 15],
    ['DISTRIBUIDOR', 1, 15],
    ['DISTRIBUIDOR', 100, 15],
  ] as const)('applies the larger rate, never both: %s with %i units → %i %%', (tipo, units, percent) => {
    expect(discountRatePercent(tipo, units)).toBe(percent);
    const quote = priceQuote(tipo, [line(units, '1.00')]);
    expect(quote.descuentos).toBe(money.percentOf(quote.subtotal, percent));
  });

  it('counts the units of every line for the volume rate', () => {
    const quote = priceQuote('RETAIL', [line(10, '1.00'), { ...line(10, '1.00'), productoId: 2 }]);
    expect(quote.ratePercent).toBe(5);
  });

  it('rounds the discount and IVA half up to the cent, each step', () => {
    // 21 × 0.33 = 6.93; 5 % = 0.3465 → 0.35; IVA on 6.58 = 1.2502 → 1.25; total 7.83
    const quote = priceQuote('RETAIL', [line(21, '0.33')]);
    expect(text(quote)).toEqual({ subtotal: '6.93', descuentos: '0.35', impuestos: '1.25', total: '7.83' });
  });

  it.each([
    ['RETAIL', 'Pago contra entrega'],
    ['MAYORISTA', '30 días'],
    ['DISTRIBUIDOR', '45 días'],
  ] as const)('gives %s the payment terms "%s"', (tipo, terms) => {
    expect(paymentTerms(tipo)).toBe(terms);
  });
});

describe('availability and delivery time', () => {
  it.each([
    [10, 10, 'DISPONIBLE'],
    [11, 10, 'DISPONIBLE'],
    [9, 10, 'PARCIAL'],
    [1, 10, 'PARCIAL'],
    [0, 10, 'SIN_STOCK'],
  ] as const)('stock %i for %i units is %s', (stock, cantidad, expected) => {
    expect(availability(stock, cantidad)).toBe(expected);
  });

  it('delivers in 5 days when every line is in stock, otherwise 15', () => {
    expect(deliveryDays([{ disponibilidad: 'DISPONIBLE' }, { disponibilidad: 'DISPONIBLE' }])).toBe(5);
    expect(deliveryDays([{ disponibilidad: 'DISPONIBLE' }, { disponibilidad: 'PARCIAL' }])).toBe(15);
    expect(deliveryDays([{ disponibilidad: 'SIN_STOCK' }])).toBe(15);
  });
});
