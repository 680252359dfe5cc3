/**
 * The stored shape of each collection, shared by the embedded and MongoDB stores.
 * Money is stored as whole cents (a JSON number, exact up to MAX_JSON_CENTS) and
 * times as ISO-8601 strings, which sort as text. Everything read back is
 * validated, so a hand-edited or corrupt document fails loudly instead of
 * reaching the domain.
 */
import { MAX_JSON_CENTS, money } from '@arka/kernel';
import { z } from 'zod';
import type { Proveedor } from '../../domain/proveedor';
import { ESTADOS_RESPUESTA, type Respuesta } from '../../domain/respuesta';
import { ESTADOS_SOLICITUD, PRIORIDADES, TIPOS_SOLICITUD, type Solicitud } from '../../domain/solicitud';

const cents = z
  .number()
  .int()
  .min(-Number(MAX_JSON_CENTS))
  .max(Number(MAX_JSON_CENTS))
  .transform((n) => money.ofCents(n));
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const proveedorDocument = z.object({
  id: z.string().min(1),
  nombre: z.string(),
  categoria: z.string(),
  email: z.string(),
  telefono: z.string(),
  activo: z.boolean(),
});

export const solicitudDocument = z.object({
  id: z.string().min(1),
  proveedorId: z.string().min(1),
  grupoId: z.string().min(1).optional(),
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
      precioReferenciaCents: cents.optional(),
      especificaciones: z.string().optional(),
      urgente: z.boolean(),
    }),
  ),
  fechaCreacion: instant,
  fechaActualizacion: instant,
  fechaEnvio: instant.optional(),
  respuestasRecibidas: z.number().int().min(0),
  version: z.number().int().min(1),
});

export const respuestaDocument = z.object({
  id: z.string().min(1),
  solicitudId: z.string().min(1),
  grupoId: z.string().min(1).optional(),
  proveedorId: z.string().min(1),
  estado: z.enum(ESTADOS_RESPUESTA),
  precioOfertadoCents: cents,
  tiempoEntrega: z.number().int().min(0),
  condicionesPago: z.string().optional(),
  garantia: z.string().optional(),
  observaciones: z.string().optional(),
  fechaRespuesta: instant,
  secuencia: z.number().int().min(1),
});

export type ProveedorDocument = z.input<typeof proveedorDocument>;
export type SolicitudDocument = z.input<typeof solicitudDocument>;
export type RespuestaDocument = z.input<typeof respuestaDocument>;

/** Drops undefined members, which neither JSON nor BSON should carry. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toProveedorDocument(p: Proveedor): ProveedorDocument {
  return {
    id: p.id,
    nombre: p.nombre,
    categoria: p.categoria,
    email: p.email,
    telefono: p.telefono,
    activo: p.activo,
  };
}

export function fromProveedorDocument(doc: unknown): Proveedor {
  return proveedorDocument.parse(doc);
}

export function toSolicitudDocument(s: Solicitud): SolicitudDocument {
  return defined({
    id: s.id,
    proveedorId: s.proveedorId,
    grupoId: s.grupoId,
    tipoSolicitud: s.tipoSolicitud,
    prioridad: s.prioridad,
    estado: s.estado,
    observaciones: s.observaciones,
    fechaLimiteRespuesta: s.fechaLimiteRespuesta,
    productos: s.productos.map((p) =>
      defined({
        productoId: p.productoId,
        nombreProducto: p.nombreProducto,
        cantidadSolicitada: p.cantidadSolicitada,
        precioReferenciaCents: p.precioReferencia === undefined ? undefined : Number(p.precioReferencia),
        especificaciones: p.especificaciones,
        urgente: p.urgente,
      }),
    ),
    fechaCreacion: s.fechaCreacion.toISOString(),
    fechaActualizacion: s.fechaActualizacion.toISOString(),
    fechaEnvio: s.fechaEnvio?.toISOString(),
    respuestasRecibidas: s.respuestasRecibidas,
    version: s.version,
  });
}

export function fromSolicitudDocument(doc: unknown): Solicitud {
  const { productos, ...rest } = solicitudDocument.parse(doc);
  return defined({
    ...rest,
    productos: productos.map(({ precioReferenciaCents, ...p }) =>
      defined({ ...p, precioReferencia: precioReferenciaCents }),
    ),
  });
}

export function toRespuestaDocument(r: Respuesta): RespuestaDocument {
  return defined({
    id: r.id,
    solicitudId: r.solicitudId,
    grupoId: r.grupoId,
    proveedorId: r.proveedorId,
    estado: r.estado,
    precioOfertadoCents: Number(r.precioOfertado),
    tiempoEntrega: r.tiempoEntrega,
    condicionesPago: r.condicionesPago,
    garantia: r.garantia,
    observaciones: r.observaciones,
    fechaRespuesta: r.fechaRespuesta.toISOString(),
    secuencia: r.secuencia,
  });
}

export function fromRespuestaDocument(doc: unknown): Respuesta {
  const { precioOfertadoCents, ...rest } = respuestaDocument.parse(doc);
  return defined({ ...rest, precioOfertado: precioOfertadoCents });
}
