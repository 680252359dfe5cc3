import type { Customer } from '../domain/customer';
import { canSee, type Actor } from './actor';
import type { CustomerRepository } from './ports';

/** A customer record the actor may see: a CLIENTE sees its own only. */
export async function findCustomer(
  customers: CustomerRepository,
  actor: Actor,
  id: string,
): Promise<Customer | undefined> {
  if (!canSee(actor, id)) return undefined;
  return customers.findById(id);
}
