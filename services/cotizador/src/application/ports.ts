/**
 * What the use cases need from the outside world, in the domain's words. The
 * persistence adapters implement these; no SQL or driver type appears here.
 */
import type { OutboxMessage } from '@arka/messaging';
import type { Customer, TipoCliente } from '../domain/customer';
import type { NewProduct, Product } from '../domain/product';
import type { Quote } from '../domain/quote';
import type { Estado, StoredEstado } from '../domain/quote-state';

export interface PageRequest {
  readonly page: number;
  readonly size: number;
}

export interface Slice<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface ProductFilter {
  /** Part of the nombre or the sku, case-insensitive for ASCII letters. */
  readonly q?: string;
  readonly categoria?: string;
}

export type ProductChanges = Partial<Omit<Product, 'id'>>;

export interface ProductRepository {
  findById(id: number): Promise<Product | undefined>;
  /** The products among `ids` that exist, in one query. */
  findByIds(ids: readonly number[]): Promise<readonly Product[]>;
  list(filter: ProductFilter, page: PageRequest): Promise<Slice<Product>>;
  /** Undefined when the sku is already taken. */
  create(product: NewProduct): Promise<Product | undefined>;
  /** Undefined when the product does not exist; 'sku-taken' when the new sku is another's. */
  update(id: number, changes: ProductChanges): Promise<Product | undefined | 'sku-taken'>;
  count(): Promise<number>;
  /** Bulk load with the given ids (seeding). */
  insertAll(products: readonly Product[]): Promise<void>;
}

export type CustomerChanges = Partial<Omit<Customer, 'id'>>;

export interface CustomerRepository {
  findById(id: string): Promise<Customer | undefined>;
  list(filter: { readonly tipoCliente?: TipoCliente }, page: PageRequest): Promise<Slice<Customer>>;
  /** False when the id is already taken. */
  create(customer: Customer): Promise<boolean>;
  update(id: string, changes: CustomerChanges): Promise<Customer | undefined>;
}

export interface QuoteFilter {
  readonly clienteId?: string;
  /** VENCIDA and PENDIENTE are told apart by `now`. */
  readonly estado?: Estado;
  readonly now: Date;
}

export interface QuoteRepository {
  findById(id: string): Promise<Quote | undefined>;
  /** Newest first. */
  list(filter: QuoteFilter, page: PageRequest): Promise<Slice<Quote>>;
  insert(quote: Quote): Promise<void>;
  /**
   * Moves a quote from PENDIENTE, still valid at `now`, to `to`. False when
   * another writer got there first or it expired meanwhile: the caller re-reads.
   */
  resolvePending(id: string, to: StoredEstado, now: Date): Promise<boolean>;
}

/** Messages committed with the state change that caused them (outbox pattern). */
export interface Outbox {
  append(messages: readonly OutboxMessage[]): Promise<void>;
}

export interface TransactionScope {
  readonly quotes: QuoteRepository;
  readonly outbox: Outbox;
}

/**
 * Runs `work` in one transaction: everything it writes commits together or not at
 * all. An adapter may share one transaction among concurrent units and run a unit
 * again after a rollback, so `work` acts only through its scope.
 */
export interface UnitOfWork {
  transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T>;
}

export type Clock = () => Date;
export type IdGenerator = () => string;
