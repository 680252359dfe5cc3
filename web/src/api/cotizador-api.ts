import type { ApiClient } from './client';
import { query } from './query';
import { clienteSchema, cotizacionSchema, pageOf, productoSchema, type EstadoCotizacion } from './schemas';

const BASE = '/api/v1/cotizador';

export interface PageParams {
  readonly page: number;
  readonly size: number;
}

export interface NuevaCotizacion {
  readonly clienteId: string;
  readonly observaciones?: string;
  readonly productos: readonly { productoId: number; cantidad: number }[];
}

export interface CambioProducto {
  readonly precio?: number;
  readonly stock?: number;
  readonly activo?: boolean;
}

/** The cotizador's resources as the console uses them; every answer validated. */
export function cotizadorApi(client: ApiClient) {
  return {
    productos: (p: PageParams & { q?: string }) =>
      client.request('GET', `${BASE}/productos${query({ ...p })}`, pageOf(productoSchema)),
    actualizarProducto: (id: number, cambio: CambioProducto) =>
      client.request('PUT', `${BASE}/productos/${id}`, productoSchema, cambio),
    clientes: (p: PageParams) =>
      client.request('GET', `${BASE}/clientes${query({ ...p })}`, pageOf(clienteSchema)),
    cotizaciones: (p: PageParams & { clienteId?: string; estado?: EstadoCotizacion }) =>
      client.request('GET', `${BASE}/cotizaciones${query({ ...p })}`, pageOf(cotizacionSchema)),
    cotizacion: (id: string) =>
      client.request('GET', `${BASE}/cotizaciones/${encodeURIComponent(id)}`, cotizacionSchema),
    crearCotizacion: (body: NuevaCotizacion) =>
      client.request('POST', `${BASE}/cotizaciones`, cotizacionSchema, body),
    cambiarEstado: (id: string, estado: EstadoCotizacion) =>
      client.request('PUT', `${BASE}/cotizaciones/${encodeURIComponent(id)}/estado`, cotizacionSchema, {
        estado,
      }),
  };
}
export type CotizadorApi = ReturnType<typeof cotizadorApi>;
