import { z } from 'zod';
import type { ApiClient } from './client';
import type { PageParams } from './cotizador-api';
import { query } from './query';
import { pageOf } from './schemas';
import {
  comparacionSchema,
  envioMultipleSchema,
  proveedorSchema,
  respuestaSchema,
  solicitudSchema,
  type EstadoRespuesta,
  type EstadoSolicitud,
  type PRIORIDADES,
  type TIPOS_SOLICITUD,
} from './solicitudes-schemas';
const BASE = '/api/v1/gestor-solicitudes';

export interface DatosProveedor {
  readonly nombre: string;
  readonly categoria: string;
  readonly email: string;
  readonly telefono: string;
  readonly activo: boolean;
}

export interface BorradorSolicitud {
  readonly tipoSolicitud: (typeof TIPOS_SOLICITUD)[number];
  readonly prioridad: (typeof PRIORIDADES)[number];
  readonly observaciones?: string;
  readonly fechaLimiteRespuesta?: string;
  readonly productos: readonly {
    productoId: string;
    nombreProducto: string;
    cantidadSolicitada: number;
    precioReferencia?: number;
    especificaciones?: string;
  }[];
}

export interface NuevaRespuesta {
  readonly solicitudId: string;
  readonly proveedorId: string;
  readonly estado: EstadoRespuesta;
  readonly precioOfertado: number;
  readonly tiempoEntrega: number;
  readonly condicionesPago?: string;
  readonly garantia?: string;
  readonly observaciones?: string;
}

const id = encodeURIComponent;

/** The gestor de solicitudes' resources as the console uses them; every answer validated. */
export function gestorApi(client: ApiClient) {
  return {
    proveedores: (p: PageParams) =>
      client.request('GET', `${BASE}/proveedores${query({ ...p })}`, pageOf(proveedorSchema)),
    crearProveedor: (body: DatosProveedor & { id: string }) =>
      client.request('POST', `${BASE}/proveedores`, proveedorSchema, body),
    actualizarProveedor: (proveedorId: string, body: DatosProveedor) =>
      client.request('PUT', `${BASE}/proveedores/${id(proveedorId)}`, proveedorSchema, body),
    solicitudes: (p: PageParams & { estado?: EstadoSolicitud; grupoId?: string }) =>
      client.request('GET', `${BASE}/solicitudes${query({ ...p })}`, pageOf(solicitudSchema)),
    solicitud: (solicitudId: string) =>
      client.request('GET', `${BASE}/solicitudes/${id(solicitudId)}`, solicitudSchema),
    enviarMultiple: (proveedorIds: readonly string[], body: BorradorSolicitud) =>
      client.request(
        'POST',
        `${BASE}/solicitudes/multiple${query({ proveedorIds: proveedorIds.join(',') })}`,
        envioMultipleSchema,
        body,
      ),
    cambiarEstado: (solicitudId: string, estado: EstadoSolicitud) =>
      client.request('PUT', `${BASE}/solicitudes/${id(solicitudId)}/estado`, solicitudSchema, { estado }),
    respuestas: (solicitudId: string) =>
      client.request('GET', `${BASE}/solicitudes/${id(solicitudId)}/respuestas`, z.array(respuestaSchema)),
    responder: (body: NuevaRespuesta) => client.request('POST', `${BASE}/respuestas`, respuestaSchema, body),
    comparacion: (grupoId: string) =>
      client.request('GET', `${BASE}/solicitudes/grupos/${id(grupoId)}/comparacion`, comparacionSchema),
  };
}
export type GestorApi = ReturnType<typeof gestorApi>;
