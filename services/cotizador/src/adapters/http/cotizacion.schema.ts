import { money, paginationQuery } from '@arka/kernel';
import { z } from 'zod';
import { DISPONIBILIDADES } from '../../domain/availability';
import { TIPOS_CLIENTE } from '../../domain/customer';
import type { Quote } from '../../domain/quote';
import { MAX_CANTIDAD, MAX_LINES } from '../../domain/quote-lines';
import { effectiveEstado, ESTADOS } from '../../domain/quote-state';
import { clienteIdSchema, moneyInput, moneyOutput, productoIdSchema } from './common.schema';

/**
 * Unknown fields are dropped rather than refused: the Java system's clients send
 * `tipoCliente` and other fields that the customer record decides.
 */
export const createCotizacionBody = z.object({
  clienteId: clienteIdSchema,
  observaciones: z.string().max(2000).optional(),
  productos: z
    .array(
      z.object({
        productoId: productoIdSchema,
        cantidad: z.number().int().min(1).max(MAX_CANTIDAD),
        observaciones: z.string().max(500).optional(),
        precioBase: moneyInput.optional(),
      }),
    )
    .min(1)
    .max(MAX_LINES),
});
export type CreateCotizacionBody = z.infer<typeof createCotizacionBody>;

export const cotizacionResponse = z.object({
  cotizacionId: z.uuid(),
  clienteId: z.string(),
  tipoCliente: z.enum(TIPOS_CLIENTE),
  subtotal: moneyOutput,
  descuentos: moneyOutput,
  impuestos: moneyOutput,
  total: moneyOutput,
  fechaCotizacion: z.string(),
  fechaVencimiento: z.string(),
  estado: z.enum(ESTADOS),
  condicionesPago: z.string(),
  /** Days. */
  tiempoEntrega: z.number().int(),
  observaciones: z.string().nullable(),
  productos: z.array(
    z.object({
      productoId: z.number().int(),
      nombre: z.string(),
      cantidad: z.number().int(),
      precioUnitario: moneyOutput,
      subtotal: moneyOutput,
      disponibilidad: z.enum(DISPONIBILIDADES),
    }),
  ),
});
export type CotizacionResponse = z.infer<typeof cotizacionResponse>;

export const cotizacionIdParam = z.object({ id: z.uuid() });

export const listCotizacionesQuery = paginationQuery.extend({
  clienteId: clienteIdSchema.optional(),
  estado: z.enum(ESTADOS).optional(),
});

/** Optional: `?nuevoEstado=` may carry the state instead (null when no body was sent). */
export const changeEstadoBody = z.object({ estado: z.enum(ESTADOS) }).nullish();
export const changeEstadoQuery = z.object({ nuevoEstado: z.enum(ESTADOS).optional() });

export function toCotizacionResponse(q: Quote, now: Date): CotizacionResponse {
  return {
    cotizacionId: q.id,
    clienteId: q.clienteId,
    tipoCliente: q.tipoCliente,
    subtotal: money.toNumber(q.subtotal),
    descuentos: money.toNumber(q.descuentos),
    impuestos: money.toNumber(q.impuestos),
    total: money.toNumber(q.total),
    fechaCotizacion: q.fechaCotizacion.toISOString(),
    fechaVencimiento: q.fechaVencimiento.toISOString(),
    estado: effectiveEstado(q, now),
    condicionesPago: q.condicionesPago,
    tiempoEntrega: q.tiempoEntrega,
    observaciones: q.observaciones,
    productos: q.lineas.map((l) => ({
      productoId: l.productoId,
      nombre: l.nombre,
      cantidad: l.cantidad,
      precioUnitario: money.toNumber(l.precioUnitario),
      subtotal: money.toNumber(l.subtotal),
      disponibilidad: l.disponibilidad,
    })),
  };
}
