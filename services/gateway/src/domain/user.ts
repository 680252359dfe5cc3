import { ROLES, type Principal, type Role } from '@arka/kernel';

export { ROLES, type Role };

/** A person who may log in. Exactly one role; CLIENTE and PROVEEDOR are bound to their tenant. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly clienteId?: string;
  readonly proveedorId?: string;
  readonly createdAt: Date;
}

export interface NewUserRequest {
  readonly username: string;
  readonly role: Role;
  readonly clienteId?: string;
  readonly proveedorId?: string;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;
const CLIENTE_ID = /^CLI\d{3,}$/;
const PROVEEDOR_ID = /^PROV\d{3,}$/;

/** Usernames compare case-insensitively: "Admin" and "admin" are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Why a user cannot be created as asked, or undefined when the request is sound.
 * A CLIENTE must name its customer and a PROVEEDOR its supplier; nobody else is bound,
 * so a staff account never carries a tenant it does not need.
 */
export function userRequestProblems(request: NewUserRequest): string[] {
  const problems: string[] = [];
  if (!USERNAME_PATTERN.test(normalizeUsername(request.username))) {
    problems.push('username: 3 to 64 characters, letters, digits and . _ @ - only');
  }
  if (!ROLES.includes(request.role)) problems.push(`role: one of ${ROLES.join(', ')}`);
  if (request.role === 'CLIENTE') {
    if (!request.clienteId || !CLIENTE_ID.test(request.clienteId))
      problems.push('clienteId: a CLIENTE needs a customer id such as CLI001');
  } else if (request.clienteId !== undefined) {
    problems.push('clienteId: only a CLIENTE is bound to a customer');
  }
  if (request.role === 'PROVEEDOR') {
    if (!request.proveedorId || !PROVEEDOR_ID.test(request.proveedorId))
      problems.push('proveedorId: a PROVEEDOR needs a supplier id such as PROV001');
  } else if (request.proveedorId !== undefined) {
    problems.push('proveedorId: only a PROVEEDOR is bound to a supplier');
  }
  return problems;
}

/** What the access token says about a user. */
export function principalOfUser(user: User): Principal {
  return {
    subject: user.username,
    roles: [user.role],
    ...(user.clienteId ? { clienteId: user.clienteId } : {}),
    ...(user.proveedorId ? { proveedorId: user.proveedorId } : {}),
  };
}
