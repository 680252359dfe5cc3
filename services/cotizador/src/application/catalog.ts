import { money } from '@arka/kernel';
import type { NewProduct, Product } from '../domain/product';
import type { ProductChanges, ProductRepository } from './ports';

export type SaveProductResult =
  | { readonly ok: true; readonly product: Product }
  | { readonly ok: false; readonly reason: 'not-found' | 'sku-taken' | 'amount-too-large' };

export async function createProduct(
  products: ProductRepository,
  input: NewProduct,
): Promise<SaveProductResult> {
  if (!money.isRepresentable(input.precio)) return { ok: false, reason: 'amount-too-large' };
  const product = await products.create(input);
  return product ? { ok: true, product } : { ok: false, reason: 'sku-taken' };
}

export async function updateProduct(
  products: ProductRepository,
  id: number,
  changes: ProductChanges,
): Promise<SaveProductResult> {
  if (changes.precio !== undefined && !money.isRepresentable(changes.precio))
    return { ok: false, reason: 'amount-too-large' };
  const product = await products.update(id, changes);
  if (product === 'sku-taken') return { ok: false, reason: 'sku-taken' };
  return product ? { ok: true, product } : { ok: false, reason: 'not-found' };
}
