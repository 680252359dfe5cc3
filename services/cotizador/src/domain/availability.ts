export const DISPONIBILIDADES = ['DISPONIBLE', 'PARCIAL', 'SIN_STOCK'] as const;
export type Disponibilidad = (typeof DISPONIBILIDADES)[number];

/** Delivery time in days: stock on hand ships sooner than stock to be procured. */
export const DELIVERY_DAYS_IN_STOCK = 5;
export const DELIVERY_DAYS_TO_PROCURE = 15;

export function availability(stock: number, cantidad: number): Disponibilidad {
  if (stock >= cantidad) return 'DISPONIBLE';
  return stock > 0 ? 'PARCIAL' : 'SIN_STOCK';
}

export function deliveryDays(lines: readonly { readonly disponibilidad: Disponibilidad }[]): number {
  return lines.every((l) => l.disponibilidad === 'DISPONIBLE')
    ? DELIVERY_DAYS_IN_STOCK
    : DELIVERY_DAYS_TO_PROCURE;
}
