import { z } from 'zod';

export const TIPOS_SOLICITUD = ['COTIZACION', 'COMPRA', 'REPOSICION'] as const;
export const PRIORIDADES = ['BAJA', 'MEDIA', 'ALTA', 'URGENTE'] as const;
export const ESTADOS_SOLICITUD = ['PENDIENTE', 'ENVIADA', 'RESPONDIDA', 'COMPLETADA', 'CANCELADA'] as const;
export const ESTADOS_RESPUESTA = ['ACEPTADA', 'PARCIAL', 'RECHAZADA'] as const;
export type EstadoSolicitud = (typeof ESTADOS_SOLICITUD)[number];
export type EstadoRespuesta = (typeof ESTADOS_RESPUESTA)[number];

export const proveedorSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  categoria: z.string(),
  email: z.string(),
  telefono: z.string(),
  activo: z.boolean(),
});
export type Proveedor = z.infer<typeof proveedorSchema>;

export const solicitudSchema = z.object({
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
});
export type Solicitud = z.infer<typeof solicitudSchema>;

export const envioMultipleSchema = z.object({
  grupoId: z.string(),
  total: z.number().int(),
  solicitudes: z.array(solicitudSchema),
});

export const respuestaSchema = z.object({
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
});
export type Respuesta = z.infer<typeof respuestaSchema>;

export const comparacionSchema = z.object({
  grupoId: z.string(),
  totalSolicitudes: z.number().int(),
  totalOfertas: z.number().int(),
  mejorOferta: respuestaSchema.nullable(),
  ofertas: z.array(respuestaSchema.extend({ posicion: z.number().int() })),
});
export type Comparacion = z.infer<typeof comparacionSchema>;
