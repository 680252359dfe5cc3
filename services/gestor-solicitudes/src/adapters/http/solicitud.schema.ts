import { money, paginationQuery } from '@arka/kernel';
import { z } from 'zod';
import {
  ESTADOS_SOLICITUD,
  MAX_PROVEEDORES_POR_ENVIO,
  PRIORIDADES,
  proveedoresUnicos,
  TIPOS_SOLICITUD,
  type Solicitud,
} from '../../domain/solicitud';
import { PROVEEDOR_ID_PATTERN } from '../../domain/proveedor';
import { moneyAmount, optionalText, proveedorId, uuid } from './fields';

const productoBody = z.object({
  productoId: z.string().trim().min(1).max(64),
  nombreProducto: z.string().trim().min(1).max(200),
  cantidadSolicitada: z.number().int().min(1).max(1_000_000),
  precioReferencia: moneyAmount(1)
    .nullish()
    .transform((v) => v ?? undefined),
  especificaciones: optionalText(2000),
  urgente: z.boolean().default(false),
});

/** The body of a bulk send: everything but the supplier. */
export const solicitudDraftBody = z.object({
  tipoSolicitud: z.enum(TIPOS_SOLICITUD),
  prioridad: z.enum(PRIORIDADES),
  observaciones: optionalText(2000),
  fechaLimiteRespuesta: z.iso
    .datetime({ local: true, offset: true, message: 'must be an ISO-8601 date-time' })
    .nullish()
    .transform((v) => v ?? undefined),
  productos: z.array(productoBody).min(1).max(100),
});

export const crearSolicitudBody = solicitudDraftBody.extend({ proveedorId });

/**
 * `?proveedorIds=A,B,C`, or the name repeated (`?proveedorIds=A&proveedorIds=B`):
 * the ids are split, trimmed and de-duplicated, then 1 to 50 must remain.
 */
export const multipleQuery = z.object({
  proveedorIds: z
    .union([z.string(), z.array(z.string())])
    .transform((given) => (Array.isArray(given) ? given : [given]))
    .transform((given) => given.flatMap((part) => part.split(',')).map((id) => id.trim()))
    .transform((ids, ctx) => {
      const malformed = ids.filter((id) => !PROVEEDOR_ID_PATTERN.test(id));
      if (malformed.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `malformed supplier ids: ${malformed.join(', ') || '(empty)'}`,
        });
        return z.NEVER;
      }
      const unique = proveedoresUnicos(ids);
      if (unique.length > MAX_PROVEEDORES_POR_ENVIO) {
        ctx.addIssue({
          code: 'too_big',
          origin: 'array',
          maximum: MAX_PROVEEDORES_POR_ENVIO,
          inclusive: true,
          message: `at most ${MAX_PROVEEDORES_POR_ENVIO} distinct suppliers; ${unique.length} given`,
        });
        return z.NEVER;
      }
      return unique;
    }),
});

export const solicitudParams = z.object({ id: uuid });
export const grupoParams = z.object({ grupoId: uuid });

export const listSolicitudesQuery = paginationQuery.extend({
  estado: z.enum(ESTADOS_SOLICITUD).optional(),
  proveedorId: proveedorId.optional(),
  grupoId: uuid.optional(),
});

export const estadoBody = z.object({ estado: z.enum(ESTADOS_SOLICITUD) });
export const estadoQuery = z.object({ nuevoEstado: z.enum(ESTADOS_SOLICITUD).optional() });

export const solicitudResponse = z
  .object({
    id: z.string(),
    proveedorId: z.string(),
    grupoId: z.string().optional(),
    tipoSolicitud: z.enum(TIPOS_SOLICITUD),
    prioridad: z.enum(PRIORIDADES),
    estado: z.enum(ESTADOS_SOLICITUD),
    observaciones: z.string().optional(),
    fechaLimiteRespuesta: z.string().optional(),
    productos: z.array(
      z.object({
        productoId: z.string(),
        nombreProducto: z.string(),
        cantidadSolicitada: z.number().int(),
        precioReferencia: z.number().optional(),
        especificaciones: z.string().optional(),
        urgente: z.boolean(),
      }),
    ),
    fechaCreacion: z.string(),
    fechaActualizacion: z.string(),
    fechaEnvio: z.string().optional(),
  })
  .meta({ id: 'Solicitud' });

export const envioMultipleResponse = z.object({
  grupoId: z.string(),
  total: z.number().int(),
  solicitudes: z.array(solicitudResponse),
});

export function solicitudDto(s: Solicitud): z.infer<typeof solicitudResponse> {
  return {
    id: s.id,
    proveedorId: s.proveedorId,
    ...(s.grupoId ? { grupoId: s.grupoId } : {}),
    tipoSolicitud: s.tipoSolicitud,
    prioridad: s.prioridad,
    estado: s.estado,
    ...(s.observaciones === undefined ? {} : { observaciones: s.observaciones }),
    ...(s.fechaLimiteRespuesta === undefined ? {} : { fechaLimiteRespuesta: s.fechaLimiteRespuesta }),
    productos: s.productos.map((p) => ({
      productoId: p.productoId,
      nombreProducto: p.nombreProducto,
      cantidadSolicitada: p.cantidadSolicitada,
      ...(p.precioReferencia === undefined ? {} : { precioReferencia: money.toNumber(p.precioReferencia) }),
      ...(p.especificaciones === undefined ? {} : { especificaciones: p.especificaciones }),
      urgente: p.urgente,
    })),
    fechaCreacion: s.fechaCreacion.toISOString(),
    fechaActualizacion: s.fechaActualizacion.toISOString(),
    ...(s.fechaEnvio ? { fechaEnvio: s.fechaEnvio.toISOString() } : {}),
  };
}
