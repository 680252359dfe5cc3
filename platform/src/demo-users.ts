/**
 * The demo users the gateway seeds in the embedded mode (services/gateway), as the
 * summary prints them. They all share the demo password.
 */
export interface DemoUser {
  readonly username: string;
  readonly role: string;
  /** The tenant a CLIENTE or PROVEEDOR is bound to. */
  readonly boundTo?: string;
}

export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  { username: 'admin', role: 'ADMIN' },
  { username: 'ventas', role: 'VENTAS' },
  { username: 'compras', role: 'COMPRAS' },
  { username: 'cliente1', role: 'CLIENTE', boundTo: 'CLI001' },
  { username: 'cliente2', role: 'CLIENTE', boundTo: 'CLI002' },
  { username: 'proveedor1', role: 'PROVEEDOR', boundTo: 'PROV001' },
  { username: 'proveedor2', role: 'PROVEEDOR', boundTo: 'PROV002' },
]);
