import type { CustomerRepository, ProductRepository } from '../../application/ports';
import type { Customer } from '../../domain/customer';
import type { Product } from '../../domain/product';

/** The demo customers of the embedded mode, one of each kind. */
export const DEMO_CUSTOMERS: readonly Customer[] = [
  {
    id: 'CLI001',
    nombre: 'Distribuidora Andina S.A.S.',
    tipoCliente: 'MAYORISTA',
    email: 'compras@cliente1.example',
    telefono: '+573001110001',
  },
  {
    id: 'CLI002',
    nombre: 'Papelería y Tecnología El Punto',
    tipoCliente: 'RETAIL',
    email: 'compras@cliente2.example',
    telefono: '+573001110002',
  },
  {
    id: 'CLI003',
    nombre: 'Computadores del Caribe Ltda.',
    tipoCliente: 'DISTRIBUIDOR',
    email: 'compras@cliente3.example',
    telefono: '+573001110003',
  },
];

/**
 * Loads an empty embedded database with the catalog and the demo customers. A
 * database that already has products is left alone, so restarts keep edits.
 */
export async function seedEmbeddedData(
  repositories: { readonly products: ProductRepository; readonly customers: CustomerRepository },
  catalog: () => Promise<readonly Product[]>,
): Promise<{ readonly products: number; readonly customers: number }> {
  if ((await repositories.products.count()) > 0) return { products: 0, customers: 0 };
  const products = await catalog();
  await repositories.products.insertAll(products);
  let customers = 0;
  for (const customer of DEMO_CUSTOMERS) if (await repositories.customers.create(customer)) customers += 1;
  return { products: products.length, customers };
}
