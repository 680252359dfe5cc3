import type { Cents } from '@arka/kernel';

/** A catalog product; `id` is the integer clients send as `productoId`. */
export interface Product {
  readonly id: number;
  readonly sku: string;
  readonly nombre: string;
  readonly categoria: string;
  readonly precio: Cents;
  readonly stock: number;
  readonly activo: boolean;
}

export type NewProduct = Omit<Product, 'id'>;
