import type { NewUserRequest } from '../domain/user';
import type { CreateUser } from './create-user';

/** The embedded mode's demo accounts (DOMAIN.md); never created on a real deployment. */
export const DEMO_USERS: readonly NewUserRequest[] = [
  { username: 'admin', role: 'ADMIN' },
  { username: 'ventas', role: 'VENTAS' },
  { username: 'compras', role: 'COMPRAS' },
  { username: 'cliente1', role: 'CLIENTE', clienteId: 'CLI001' },
  { username: 'cliente2', role: 'CLIENTE', clienteId: 'CLI002' },
  { username: 'proveedor1', role: 'PROVEEDOR', proveedorId: 'PROV001' },
  { username: 'proveedor2', role: 'PROVEEDOR', proveedorId: 'PROV002' },
];

export interface SeedReport {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/** Creates the demo users that do not exist yet; existing ones keep their password. */
export async function seedDemoUsers(createUser: CreateUser, password: string): Promise<SeedReport> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const demo of DEMO_USERS) {
    const result = await createUser({ ...demo, password });
    if (result.kind === 'created') created.push(demo.username);
    else if (result.kind === 'username-taken') existing.push(demo.username);
    else throw new Error(`demo user ${demo.username} is invalid: ${result.problems.join('; ')}`);
  }
  return { created, existing };
}
