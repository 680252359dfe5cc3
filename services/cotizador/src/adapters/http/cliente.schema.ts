import { paginationQuery } from '@arka/kernel';
import { z } from 'zod';
import { TIPOS_CLIENTE, type Customer } from '../../domain/customer';
import { clienteIdSchema } from './common.schema';

export const clienteResponse = z.object({
  id: z.string(),
  nombre: z.string(),
  tipoCliente: z.enum(TIPOS_CLIENTE),
  email: z.string(),
  telefono: z.string(),
});

const fields = {
  nombre: z.string().trim().min(1).max(200),
  tipoCliente: z.enum(TIPOS_CLIENTE),
  email: z.email().max(254),
  telefono: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number, e.g. +573001234567'),
};

export const createClienteBody = z.strictObject({ id: clienteIdSchema, ...fields });

export const updateClienteBody = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

export const clienteIdParam = z.object({ id: clienteIdSchema });

export const listClientesQuery = paginationQuery.extend({ tipoCliente: z.enum(TIPOS_CLIENTE).optional() });

export function toClienteResponse(c: Customer): z.infer<typeof clienteResponse> {
  return { id: c.id, nombre: c.nombre, tipoCliente: c.tipoCliente, email: c.email, telefono: c.telefono };
}
