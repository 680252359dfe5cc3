import { isUniqueViolation } from '@arka/sql';
import { sql, type Kysely } from 'kysely';
import type {
  PageRequest,
  ProductChanges,
  ProductFilter,
  ProductRepository,
  Slice,
} from '../../application/ports';
import type { NewProduct, Product } from '../../domain/product';
import { centsColumn, productFromRow } from './rows';
import type { CotizadorDb, ProductoTable } from './schema';

/** Lower case without accents, so "inalambrico" finds "Inalámbrico" on both drivers. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const searchKey = (p: { nombre: string; sku: string }) => fold(`${p.nombre} ${p.sku}`);

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function containsPattern(text: string): string {
  return `%${fold(text).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function productRow(p: NewProduct) {
  return {
    sku: p.sku,
    nombre: p.nombre,
    categoria: p.categoria,
    precio_centavos: centsColumn(p.precio),
    stock: p.stock,
    activo: p.activo ? 1 : 0,
    busqueda: searchKey(p),
  };
}

function changesRow(changes: ProductChanges): Partial<Omit<ProductoTable, 'id'>> {
  return {
    ...(changes.sku === undefined ? {} : { sku: changes.sku }),
    ...(changes.nombre === undefined ? {} : { nombre: changes.nombre }),
    ...(changes.categoria === undefined ? {} : { categoria: changes.categoria }),
    ...(changes.precio === undefined ? {} : { precio_centavos: centsColumn(changes.precio) }),
    ...(changes.stock === undefined ? {} : { stock: changes.stock }),
    ...(changes.activo === undefined ? {} : { activo: changes.activo ? 1 : 0 }),
  };
}

export class KyselyProductRepository implements ProductRepository {
  constructor(private readonly db: Kysely<CotizadorDb>) {}

  async findById(id: number): Promise<Product | undefined> {
    const row = await this.db.selectFrom('productos').selectAll().where('id', '=', id).executeTakeFirst();
    return row && productFromRow(row);
  }

  async findByIds(ids: readonly number[]): Promise<readonly Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('productos')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(productFromRow);
  }

  async list(filter: ProductFilter, page: PageRequest): Promise<Slice<Product>> {
    let query = this.db.selectFrom('productos');
    if (filter.categoria !== undefined) query = query.where('categoria', '=', filter.categoria);
    if (filter.q !== undefined) {
      const pattern = containsPattern(filter.q);
      query = query.where((eb) => sql<boolean>`${eb.ref('busqueda')} like ${pattern} escape '!'`);
    }
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      query
        .selectAll()
        .orderBy('id')
        .limit(page.size)
        .offset(page.page * page.size)
        .execute(),
    ]);
    return { items: rows.map(productFromRow), total: Number(count.n) };
  }

  async create(product: NewProduct): Promise<Product | undefined> {
    try {
      const result = await this.db
        .insertInto('productos')
        .values(productRow(product))
        .executeTakeFirstOrThrow();
      return { ...product, id: Number(result.insertId) };
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async update(id: number, changes: ProductChanges): Promise<Product | undefined | 'sku-taken'> {
    const row = changesRow(changes);
    if (Object.keys(row).length > 0) {
      try {
        await this.db.updateTable('productos').set(row).where('id', '=', id).execute();
        if (changes.nombre !== undefined || changes.sku !== undefined) {
          const current = await this.findById(id);
          if (current)
            await this.db
              .updateTable('productos')
              .set({ busqueda: searchKey(current) })
              .where('id', '=', id)
              .execute();
        }
      } catch (error) {
        if (isUniqueViolation(error)) return 'sku-taken';
        throw error;
      }
    }
    return this.findById(id);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('productos')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertAll(products: readonly Product[]): Promise<void> {
    if (products.length === 0) return;
    await this.db
      .insertInto('productos')
      .values(products.map((p) => ({ id: p.id, ...productRow(p) })))
      .execute();
  }
}
