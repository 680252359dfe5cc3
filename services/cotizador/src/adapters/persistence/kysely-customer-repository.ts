import { isUniqueViolation } from '@arka/sql';
import type { Kysely } from 'kysely';
import type { CustomerChanges, CustomerRepository, PageRequest, Slice } from '../../application/ports';
import type { Customer, TipoCliente } from '../../domain/customer';
import { customerFromRow } from './rows';
import type { CotizadorDb } from './schema';

export class KyselyCustomerRepository implements CustomerRepository {
  constructor(private readonly db: Kysely<CotizadorDb>) {}

  async findById(id: string): Promise<Customer | undefined> {
    const row = await this.db.selectFrom('clientes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && customerFromRow(row);
  }

  async list(filter: { readonly tipoCliente?: TipoCliente }, page: PageRequest): Promise<Slice<Customer>> {
    let query = this.db.selectFrom('clientes');
    if (filter.tipoCliente !== undefined) query = query.where('tipo_cliente', '=', filter.tipoCliente);
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      query
        .selectAll()
        .orderBy('id')
        .limit(page.size)
        .offset(page.page * page.size)
        .execute(),
    ]);
    return { items: rows.map(customerFromRow), total: Number(count.n) };
  }

  async create(customer: Customer): Promise<boolean> {
    try {
      await this.db
        .insertInto('clientes')
        .values({
          id: customer.id,
          nombre: customer.nombre,
          tipo_cliente: customer.tipoCliente,
          email: customer.email,
          telefono: customer.telefono,
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async update(id: string, changes: CustomerChanges): Promise<Customer | undefined> {
    const row = {
      ...(changes.nombre === undefined ? {} : { nombre: changes.nombre }),
      ...(changes.tipoCliente === undefined ? {} : { tipo_cliente: changes.tipoCliente }),
      ...(changes.email === undefined ? {} : { email: changes.email }),
      ...(changes.telefono === undefined ? {} : { telefono: changes.telefono }),
    };
    if (Object.keys(row).length > 0)
      await this.db.updateTable('clientes').set(row).where('id', '=', id).execute();
    return this.findById(id);
  }
}
