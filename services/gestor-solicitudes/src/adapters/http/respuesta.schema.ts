import { money } from '@arka/kernel';
import { z } from 'zod';
import { ESTADOS_RESPUESTA, ofertaViolations, type Respuesta } from '../../domain/respuesta';
import { moneyAmount, optionalText, proveedorId, uuid } from './fields';

export const respuestaBody = z
  .object({
    solicitudId: uuid,
    proveedorId,
    estado: z.enum(ESTADOS_RESPUESTA),
    precioOfertado: moneyAmount(0),
    tiempoEntrega: z.number().int().min(0).max(3650),
    condicionesPago: optionalText(500),
    garantia: optionalText(500),
    observaciones: optionalText(2000),
  })
  .check((ctx) => {
    // The domain owns the offer rules (price > 0 unless RECHAZADA); the edge reports them per field.
    for (const v of ofertaViolations(ctx.value)) {
      ctx.issues.push({ code: 'custom', path: [v.field], message: v.message, input: ctx.value[v.field] });
    }
  });

export const respuestaResponse = z
  .object({
    id: z.string(),
    solicitudId: z.string(),
    grupoId: z.string().optional(),
    proveedorId: z.string(),
    estado: z.enum(ESTADOS_RESPUESTA),
    precioOfertado: z.number(),
    tiempoEntrega: z.number().int(),
    condicionesPago: z.string().optional(),
    garantia: z.string().optional(),
    observaciones: z.string().optional(),
    fechaRespuesta: z.string(),
  })
  .meta({ id: 'Respuesta' });

export const comparacionResponse = z.object({
  grupoId: z.string(),
  totalSolicitudes: z.number().int(),
  totalOfertas: z.number().int(),
  mejorOferta: respuestaResponse.nullable(),
  ofertas: z.array(respuestaResponse.extend({ posicion: z.number().int() })),
});

export function respuestaDto(r: Respuesta): z.infer<typeof respuestaResponse> {
  return {
    id: r.id,
    solicitudId: r.solicitudId,
    ...(r.grupoId ? { grupoId: r.grupoId } : {}),
    proveedorId: r.proveedorId,
    estado: r.estado,
    precioOfertado: money.toNumber(r.precioOfertado),
    tiempoEntrega: r.tiempoEntrega,
    ...(r.condicionesPago === undefined ? {} : { condicionesPago: r.condicionesPago }),
    ...(r.garantia === undefined ? {} : { garantia: r.garantia }),
    ...(r.observaciones === undefined ? {} : { observaciones: r.observaciones }),
    fechaRespuesta: r.fechaRespuesta.toISOString(),
  };
}
