import { money, paginationQuery } from '@arka/kernel';
import { z } from 'zod';
import type { Product } from '../../domain/product';
import { moneyInput, moneyOutput } from './common.schema';

export const productoResponse = z.object({
  id: z.number().int(),
  sku: z.string(),
  nombre: z.string(),
  categoria: z.string(),
  precio: moneyOutput,
  stock: z.number().int(),
  activo: z.boolean(),
});
export type ProductoResponse = z.infer<typeof productoResponse>;

const fields = {
  sku: z.string().trim().min(1).max(64),
  nombre: z.string().trim().min(1).max(200),
  categoria: z.string().trim().min(1).max(100),
  precio: moneyInput,
  stock: z.number().int().min(0).max(1_000_000_000),
  activo: z.boolean(),
};

export const createProductoBody = z.strictObject({ ...fields, activo: fields.activo.default(true) });

export const updateProductoBody = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

export const listProductosQuery = paginationQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  categoria: z.string().trim().min(1).max(100).optional(),
});

export function toProductoResponse(p: Product): ProductoResponse {
  return {
    id: p.id,
    sku: p.sku,
    nombre: p.nombre,
    categoria: p.categoria,
    precio: money.toNumber(p.precio),
    stock: p.stock,
    activo: p.activo,
  };
}
