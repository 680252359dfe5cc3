import { money, type Cents } from '@arka/kernel';
import { availability, deliveryDays, type Disponibilidad } from './availability';
import { customerRatePercent, paymentTerms, type TipoCliente } from './customer';

/** VAT (IVA) in Colombia. */
export const IVA_PERCENT = 19;

/** Volume thresholds on the total units of a quote, largest first. */
const VOLUME_RATES: readonly { readonly minUnits: number; readonly percent: number }[] = [
  { minUnits: 100, percent: 15 },
  { minUnits: 50, percent: 10 },
  { minUnits: 20, percent: 5 },
];

export function volumeRatePercent(totalUnits: number): number {
  return VOLUME_RATES.find((r) => totalUnits >= r.minUnits)?.percent ?? 0;
}

/** The two rates do not stack: the larger one applies. */
export function discountRatePercent(tipo: TipoCliente, totalUnits: number): number {
  return Math.max(customerRatePercent(tipo), volumeRatePercent(totalUnits));
}

export interface PricingLine {
  readonly productoId: number;
  readonly nombre: string;
  readonly cantidad: number;
  readonly precioUnitario: Cents;
  readonly stock: number;
}

export interface PricedLine {
  readonly productoId: number;
  readonly nombre: string;
  readonly cantidad: number;
  readonly precioUnitario: Cents;
  readonly subtotal: Cents;
  readonly disponibilidad: Disponibilidad;
}

export interface PricedQuote {
  readonly lineas: readonly PricedLine[];
  readonly ratePercent: number;
  readonly subtotal: Cents;
  readonly descuentos: Cents;
  readonly impuestos: Cents;
  readonly total: Cents;
  readonly condicionesPago: string;
  /** Days until delivery. */
  readonly tiempoEntrega: number;
}

/**
 * Prices a quote in exact cents: subtotal, the larger of the customer and volume
 * rates as one discount, then IVA on the discounted amount, each rounded half up
 * to the cent (DOMAIN.md).
 */
export function priceQuote(tipo: TipoCliente, lines: readonly PricingLine[]): PricedQuote {
  const lineas = lines.map((l) => ({
    productoId: l.productoId,
    nombre: l.nombre,
    cantidad: l.cantidad,
    precioUnitario: l.precioUnitario,
    subtotal: money.times(l.precioUnitario, l.cantidad),
    disponibilidad: availability(l.stock, l.cantidad),
  }));
  const units = lines.reduce((n, l) => n + l.cantidad, 0);
  const ratePercent = discountRatePercent(tipo, units);
  const subtotal = money.sum(lineas.map((l) => l.subtotal));
  const descuentos = money.percentOf(subtotal, ratePercent);
  const taxable = money.subtract(subtotal, descuentos);
  const impuestos = money.percentOf(taxable, IVA_PERCENT);
  return {
    lineas,
    ratePercent,
    subtotal,
    descuentos,
    impuestos,
    total: money.add(taxable, impuestos),
    condicionesPago: paymentTerms(tipo),
    tiempoEntrega: deliveryDays(lineas),
  };
}
