import type { Session } from './gateway-client';
import {
  comparacion,
  envioMultiple,
  proveedor,
  respuesta,
  solicitud,
  solicitudesPage,
  type Comparacion,
  type Producto,
  type Respuesta,
} from './schemas';
import { waitFor } from './wait';

const API = '/api/v1/gestor-solicitudes';

export interface Answer {
  readonly proveedorId: string;
  readonly estado: 'ACEPTADA' | 'PARCIAL' | 'RECHAZADA';
  /** Share of the reference price offered, e.g. 0.9 for 10 % below it. */
  readonly priceFactor: number;
  readonly tiempoEntrega: number;
}

export async function supplierEmails(compras: Session, ids: readonly string[]): Promise<Map<string, string>> {
  const found = await Promise.all(ids.map((id) => compras.get(`${API}/proveedores/${id}`, proveedor)));
  return new Map(found.map((p) => [p.id, p.email]));
}

/** One request for quotation of `products` to every supplier at once (one group). */
export function sendBulk(compras: Session, proveedorIds: readonly string[], products: readonly Producto[]) {
  return compras.post(
    `${API}/solicitudes/multiple?proveedorIds=${proveedorIds.join(',')}`,
    {
      tipoSolicitud: 'COTIZACION',
      prioridad: 'ALTA',
      observaciones: 'Reposición del trimestre: precio por el total, entrega en Bogotá.',
      productos: products.map((p, i) => ({
        productoId: p.sku,
        nombreProducto: p.nombre,
        cantidadSolicitada: 20 + 10 * i,
        precioReferencia: p.precio,
      })),
    },
    envioMultiple,
  );
}

/** The dispatcher works from a queue: wait until it has moved every request of the group to ENVIADA. */
export function waitUntilSent(compras: Session, grupoId: string, total: number, timeoutMs: number) {
  return waitFor(
    'the dispatcher to send every request of the group',
    async () => {
      const page = await compras.get(`${API}/solicitudes?grupoId=${grupoId}&size=50`, solicitudesPage);
      const sent = page.content.filter((s) => s.estado === 'ENVIADA');
      return sent.length === total ? page.content : undefined;
    },
    { timeoutMs },
  );
}

export function referenceTotal(products: readonly Producto[]): number {
  return products.reduce((sum, p, i) => sum + p.precio * (20 + 10 * i), 0);
}

export function answer(
  session: Session,
  solicitudId: string,
  a: Answer,
  reference: number,
): Promise<Respuesta> {
  const rejected = a.estado === 'RECHAZADA';
  return session.post(
    `${API}/respuestas`,
    {
      solicitudId,
      proveedorId: a.proveedorId,
      estado: a.estado,
      precioOfertado: rejected ? 0 : Math.round(reference * a.priceFactor * 100) / 100,
      tiempoEntrega: a.tiempoEntrega,
      condicionesPago: rejected ? undefined : '30 días',
      observaciones: rejected ? 'Sin inventario para esta referencia.' : undefined,
    },
    respuesta,
  );
}

export function compare(compras: Session, grupoId: string): Promise<Comparacion> {
  return compras.get(`${API}/solicitudes/grupos/${grupoId}/comparacion`, comparacion);
}

export function complete(compras: Session, solicitudId: string) {
  return compras.put(`${API}/solicitudes/${solicitudId}/estado`, { estado: 'COMPLETADA' }, solicitud);
}
