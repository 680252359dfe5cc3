import type { Session } from './gateway-client';
import { cliente, cotizacion, productosPage, type Cotizacion, type Producto } from './schemas';

const API = '/api/v1/cotizador';

export async function catalog(session: Session, count: number): Promise<Producto[]> {
  const page = await session.get(`${API}/productos?size=${count}`, productosPage);
  if (page.content.length < count)
    throw new Error(`the catalog has ${page.content.length} products, ${count} needed`);
  return page.content.slice(0, count);
}

export function customer(session: Session, clienteId: string) {
  return session.get(`${API}/clientes/${clienteId}`, cliente);
}

export function createQuote(
  session: Session,
  clienteId: string,
  products: readonly Producto[],
): Promise<Cotizacion> {
  return session.post(
    `${API}/cotizaciones`,
    {
      clienteId,
      observaciones: 'Dotación de la nueva sede',
      productos: products.map((p, i) => ({ productoId: p.id, cantidad: 5 + 5 * i })),
    },
    cotizacion,
  );
}

export function approveQuote(session: Session, cotizacionId: string): Promise<Cotizacion> {
  return session.put(`${API}/cotizaciones/${cotizacionId}/estado`, { estado: 'APROBADA' }, cotizacion);
}
