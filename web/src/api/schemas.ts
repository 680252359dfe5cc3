import { z } from 'zod';

/** A Spring-style page of `item`, zero-based, as every list of the API answers. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    content: z.array(item),
    page: z.number().int(),
    size: z.number().int(),
    totalElements: z.number().int(),
    totalPages: z.number().int(),
  });
}
export interface Page<T> {
  readonly content: readonly T[];
  readonly page: number;
  readonly size: number;
  readonly totalElements: number;
  readonly totalPages: number;
}

export const TIPOS_CLIENTE = ['RETAIL', 'MAYORISTA', 'DISTRIBUIDOR'] as const;
export const ESTADOS_COTIZACION = ['PENDIENTE', 'APROBADA', 'RECHAZADA', 'CANCELADA', 'VENCIDA'] as const;
export const DISPONIBILIDADES = ['DISPONIBLE', 'PARCIAL', 'SIN_STOCK'] as const;

export const productoSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  nombre: z.string(),
  categoria: z.string(),
  precio: z.number(),
  stock: z.number().int(),
  activo: z.boolean(),
});
export type Producto = z.infer<typeof productoSchema>;

export const clienteSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  tipoCliente: z.enum(TIPOS_CLIENTE),
  email: z.string(),
  telefono: z.string(),
});
export type Cliente = z.infer<typeof clienteSchema>;

export const cotizacionSchema = z.object({
  cotizacionId: z.string(),
  clienteId: z.string(),
  tipoCliente: z.enum(TIPOS_CLIENTE),
  subtotal: z.number(),
  descuentos: z.number(),
  impuestos: z.number(),
  total: z.number(),
  fechaCotizacion: z.string(),
  fechaVencimiento: z.string(),
  estado: z.enum(ESTADOS_COTIZACION),
  condicionesPago: z.string(),
  tiempoEntrega: z.number().int(),
  observaciones: z.string().nullable().optional(),
  productos: z.array(
    z.object({
      productoId: z.number().int(),
      nombre: z.string(),
      cantidad: z.number().int(),
      precioUnitario: z.number(),
      subtotal: z.number(),
      disponibilidad: z.enum(DISPONIBILIDADES),
    }),
  ),
});
export type Cotizacion = z.infer<typeof cotizacionSchema>;
export type EstadoCotizacion = (typeof ESTADOS_COTIZACION)[number];
