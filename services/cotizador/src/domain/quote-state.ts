/**
 * The quote lifecycle. Only PENDIENTE moves, and only to a final state. VENCIDA is
 * never stored: a PENDIENTE quote past its fechaVencimiento *is* VENCIDA, which the
 * injected clock decides every time the quote is read or changed.
 */
export const ESTADOS = ['PENDIENTE', 'APROBADA', 'RECHAZADA', 'CANCELADA', 'VENCIDA'] as const;
export type Estado = (typeof ESTADOS)[number];
/** What the database holds. */
export type StoredEstado = Exclude<Estado, 'VENCIDA'>;

const TRANSITIONS: Readonly<Record<Estado, readonly Estado[]>> = {
  PENDIENTE: ['APROBADA', 'RECHAZADA', 'CANCELADA'],
  APROBADA: [],
  RECHAZADA: [],
  CANCELADA: [],
  VENCIDA: [],
};

export function effectiveEstado(
  quote: { readonly estado: StoredEstado; readonly fechaVencimiento: Date },
  now: Date,
): Estado {
  return quote.estado === 'PENDIENTE' && now.getTime() > quote.fechaVencimiento.getTime()
    ? 'VENCIDA'
    : quote.estado;
}

export function canTransition(from: Estado, to: Estado): to is StoredEstado {
  return TRANSITIONS[from].includes(to);
}
