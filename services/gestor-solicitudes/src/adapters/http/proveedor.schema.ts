import { z } from 'zod';
import type { Proveedor } from '../../domain/proveedor';
import { email, proveedorId, telefono } from './fields';

const proveedorFields = {
  nombre: z.string().trim().min(1).max(200),
  categoria: z.string().trim().min(1).max(100),
  email,
  telefono,
  activo: z.boolean().default(true),
};

export const crearProveedorBody = z.object({ id: proveedorId, ...proveedorFields });
export const actualizarProveedorBody = z.object(proveedorFields);
export const proveedorParams = z.object({ id: proveedorId });

export const proveedorResponse = z
  .object({
    id: z.string(),
    nombre: z.string(),
    categoria: z.string(),
    email: z.string(),
    telefono: z.string(),
    activo: z.boolean(),
  })
  .meta({ id: 'Proveedor' });

export function proveedorDto(p: Proveedor): z.infer<typeof proveedorResponse> {
  return {
    id: p.id,
    nombre: p.nombre,
    categoria: p.categoria,
    email: p.email,
    telefono: p.telefono,
    activo: p.activo,
  };
}
