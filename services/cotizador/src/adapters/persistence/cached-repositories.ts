import type {
  CustomerChanges,
  CustomerRepository,
  PageRequest,
  ProductChanges,
  ProductFilter,
  ProductRepository,
  Slice,
} from '../../application/ports';
import type { Customer, TipoCliente } from '../../domain/customer';
import type { NewProduct, Product } from '../../domain/product';

/**
 * Read-through caches of products and customers by id, for the embedded mode:
 * there this process is the only writer of its SQLite file, and every write goes
 * through the same repository, which updates the cache. Quoting then reads the
 * catalog from memory. Lists always go to the database. Not for MySQL, where other
 * instances write too.
 */
export class CachedProductRepository implements ProductRepository {
  private readonly byId = new Map<number, Product>();

  constructor(private readonly inner: ProductRepository) {}

  async findById(id: number): Promise<Product | undefined> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const product = await this.inner.findById(id);
    if (product) this.byId.set(id, product);
    return product;
  }

  async findByIds(ids: readonly number[]): Promise<readonly Product[]> {
    const missing = ids.filter((id) => !this.byId.has(id));
    if (missing.length > 0) for (const p of await this.inner.findByIds(missing)) this.byId.set(p.id, p);
    return ids.flatMap((id) => this.byId.get(id) ?? []);
  }

  list(filter: ProductFilter, page: PageRequest): Promise<Slice<Product>> {
    return this.inner.list(filter, page);
  }

  create(product: NewProduct): Promise<Product | undefined> {
    return this.inner.create(product);
  }

  async update(id: number, changes: ProductChanges): Promise<Product | undefined | 'sku-taken'> {
    this.byId.delete(id);
    return this.inner.update(id, changes);
  }

  count(): Promise<number> {
    return this.inner.count();
  }

  async insertAll(products: readonly Product[]): Promise<void> {
    for (const p of products) this.byId.delete(p.id);
    await this.inner.insertAll(products);
  }
}

export class CachedCustomerRepository implements CustomerRepository {
  private readonly byId = new Map<string, Customer>();

  constructor(private readonly inner: CustomerRepository) {}

  async findById(id: string): Promise<Customer | undefined> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const customer = await this.inner.findById(id);
    if (customer) this.byId.set(id, customer);
    return customer;
  }

  list(filter: { readonly tipoCliente?: TipoCliente }, page: PageRequest): Promise<Slice<Customer>> {
    return this.inner.list(filter, page);
  }

  create(customer: Customer): Promise<boolean> {
    return this.inner.create(customer);
  }

  async update(id: string, changes: CustomerChanges): Promise<Customer | undefined> {
    this.byId.delete(id);
    return this.inner.update(id, changes);
  }
}
