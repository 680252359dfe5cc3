export const ROLES = ['ADMIN', 'VENTAS', 'COMPRAS', 'CLIENTE', 'PROVEEDOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the access token says. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Set for a CLIENTE: the only customer whose data it may see. */
  readonly clienteId?: string;
  /** Set for a PROVEEDOR: the only supplier whose data it may see. */
  readonly proveedorId?: string;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/**
 * The tenant a caller is confined to, or undefined when its role sees every
 * tenant. Staff roles win over a binding: an ADMIN is never confined.
 */
export function clienteScope(principal: Principal): { confinedTo?: string } {
  if (hasAnyRole(principal, ['ADMIN', 'VENTAS'])) return {};
  return { confinedTo: principal.clienteId ?? '\u0000no-customer' };
}

export function proveedorScope(principal: Principal): { confinedTo?: string } {
  if (hasAnyRole(principal, ['ADMIN', 'COMPRAS'])) return {};
  return { confinedTo: principal.proveedorId ?? '\u0000no-supplier' };
}
