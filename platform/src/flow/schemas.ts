import { z } from 'zod';

/**
 * The parts of the gateway's answers the flow reads. Unknown fields pass through
 * unread; a missing or mistyped field the flow relies on fails the step loudly.
 */
export const tokenPair = z.object({ accessToken: z.string().min(1) });

export const producto = z.object({
  id: z.number().int(),
  sku: z.string(),
  nombre: z.string(),
  precio: z.number(),
});
export const productosPage = z.object({ content: z.array(producto), totalElements: z.number().int() });

export const proveedor = z.object({ id: z.string(), nombre: z.string(), email: z.string() });

export const solicitud = z.object({
  id: z.string(),
  proveedorId: z.string(),
  grupoId: z.string().optional(),
  estado: z.string(),
});
export const solicitudesPage = z.object({ content: z.array(solicitud), totalElements: z.number().int() });
export const envioMultiple = z.object({
  grupoId: z.string(),
  total: z.number().int(),
  solicitudes: z.array(solicitud),
});

export const respuesta = z.object({
  id: z.string(),
  solicitudId: z.string(),
  proveedorId: z.string(),
  estado: z.string(),
  precioOfertado: z.number(),
  tiempoEntrega: z.number().int(),
});
export const comparacion = z.object({
  grupoId: z.string(),
  totalSolicitudes: z.number().int(),
  totalOfertas: z.number().int(),
  mejorOferta: respuesta.nullable(),
  ofertas: z.array(respuesta.extend({ posicion: z.number().int() })),
});

export const cotizacion = z.object({
  cotizacionId: z.string(),
  clienteId: z.string(),
  tipoCliente: z.string(),
  subtotal: z.number(),
  descuentos: z.number(),
  impuestos: z.number(),
  total: z.number(),
  estado: z.string(),
  condicionesPago: z.string(),
  productos: z.array(z.object({ productoId: z.number(), nombre: z.string(), cantidad: z.number().int() })),
});

export const cliente = z.object({ id: z.string(), nombre: z.string(), email: z.string() });

export type Producto = z.infer<typeof producto>;
export type Respuesta = z.infer<typeof respuesta>;
export type Comparacion = z.infer<typeof comparacion>;
export type Cotizacion = z.infer<typeof cotizacion>;
