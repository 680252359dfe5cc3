import type { Cents } from '@arka/kernel';

export const ESTADOS_RESPUESTA = ['ACEPTADA', 'PARCIAL', 'RECHAZADA'] as const;
export type EstadoRespuesta = (typeof ESTADOS_RESPUESTA)[number];

/** A supplier's answer to one request. */
export interface Respuesta {
  readonly id: string;
  readonly solicitudId: string;
  /** The request's group, copied so a group's answers are one indexed query. */
  readonly grupoId?: string;
  readonly proveedorId: string;
  readonly estado: EstadoRespuesta;
  readonly precioOfertado: Cents;
  /** Whole days. */
  readonly tiempoEntrega: number;
  readonly condicionesPago?: string;
  readonly garantia?: string;
  readonly observaciones?: string;
  readonly fechaRespuesta: Date;
  /** 1 for the request's first answer, then 2, 3…: the highest is the current offer. */
  readonly secuencia: number;
}

export interface OfertaRuleViolation {
  readonly field: 'precioOfertado' | 'tiempoEntrega';
  readonly rule: string;
  readonly message: string;
}

/**
 * The rules of an offer (DOMAIN.md): a price above zero unless the supplier
 * declines (RECHAZADA, where 0 is allowed), and a delivery time in whole days ≥ 0.
 */
export function ofertaViolations(oferta: {
  readonly estado: EstadoRespuesta;
  readonly precioOfertado: Cents;
  readonly tiempoEntrega: number;
}): OfertaRuleViolation[] {
  const violations: OfertaRuleViolation[] = [];
  if (oferta.precioOfertado < 0n) {
    violations.push({ field: 'precioOfertado', rule: 'minimum', message: 'must not be negative' });
  } else if (oferta.estado !== 'RECHAZADA' && oferta.precioOfertado === 0n) {
    violations.push({
      field: 'precioOfertado',
      rule: 'exclusiveMinimum',
      message: `must be greater than 0 when estado is ${oferta.estado}`,
    });
  }
  if (!Number.isInteger(oferta.tiempoEntrega) || oferta.tiempoEntrega < 0) {
    violations.push({ field: 'tiempoEntrega', rule: 'integer', message: 'must be whole days, 0 or more' });
  }
  return violations;
}
