import type { Cents } from '@arka/kernel';

export const TIPOS_SOLICITUD = ['COTIZACION', 'COMPRA', 'REPOSICION'] as const;
export const PRIORIDADES = ['BAJA', 'MEDIA', 'ALTA', 'URGENTE'] as const;
export const ESTADOS_SOLICITUD = ['PENDIENTE', 'ENVIADA', 'RESPONDIDA', 'COMPLETADA', 'CANCELADA'] as const;

export type TipoSolicitud = (typeof TIPOS_SOLICITUD)[number];
export type Prioridad = (typeof PRIORIDADES)[number];
export type EstadoSolicitud = (typeof ESTADOS_SOLICITUD)[number];

export interface ProductoSolicitado {
  readonly productoId: string;
  readonly nombreProducto: string;
  /** Whole units, at least 1. */
  readonly cantidadSolicitada: number;
  readonly precioReferencia?: Cents;
  readonly especificaciones?: string;
  readonly urgente: boolean;
}

/** A request for quotation sent to one supplier. */
export interface Solicitud {
  readonly id: string;
  readonly proveedorId: string;
  /** Set when the request was created by a bulk send; shared by the whole group. */
  readonly grupoId?: string;
  readonly tipoSolicitud: TipoSolicitud;
  readonly prioridad: Prioridad;
  readonly estado: EstadoSolicitud;
  readonly observaciones?: string;
  readonly fechaLimiteRespuesta?: string;
  readonly productos: readonly ProductoSolicitado[];
  readonly fechaCreacion: Date;
  readonly fechaActualizacion: Date;
  /** When the dispatcher notified the supplier; unset until then. */
  readonly fechaEnvio?: Date;
  /** How many answers the request has received; orders them (the newest is the current offer). */
  readonly respuestasRecibidas: number;
  /** Optimistic concurrency: every write checks and bumps it. */
  readonly version: number;
}

/** What the creator of a request decides; the rest is set by `nuevaSolicitud`. */
export interface SolicitudDraft {
  readonly tipoSolicitud: TipoSolicitud;
  readonly prioridad: Prioridad;
  readonly observaciones?: string;
  readonly fechaLimiteRespuesta?: string;
  readonly productos: readonly ProductoSolicitado[];
}

export function nuevaSolicitud(
  draft: SolicitudDraft,
  ids: { readonly id: string; readonly proveedorId: string; readonly grupoId?: string },
  now: Date,
): Solicitud {
  return {
    ...draft,
    ...ids,
    estado: 'PENDIENTE',
    fechaCreacion: now,
    fechaActualizacion: now,
    respuestasRecibidas: 0,
    version: 1,
  };
}

/** A bulk send reaches at most this many suppliers (after removing repeated ids). */
export const MAX_PROVEEDORES_POR_ENVIO = 50;

/** Repeated supplier ids count once; the first occurrence keeps its place. */
export function proveedoresUnicos(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** A copy of `solicitud` with `changes`, a new update time and the next version. */
export function actualizar(
  solicitud: Solicitud,
  changes: Partial<Pick<Solicitud, 'estado' | 'fechaEnvio' | 'respuestasRecibidas'>>,
  now: Date,
): Solicitud {
  return { ...solicitud, ...changes, fechaActualizacion: now, version: solicitud.version + 1 };
}
