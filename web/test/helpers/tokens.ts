import type { Claims } from '../../src/api/claims';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** A JWT-shaped token carrying `claims`; unsigned, as the console never verifies signatures. */
export function fakeAccessToken(claims: Partial<Claims> & Pick<Claims, 'sub' | 'roles'>): string {
  const payload = { exp: Math.floor(Date.now() / 1000) + 900, ...claims };
  return `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.sig`;
}

export const CLIENTE1 = { sub: 'cliente1', roles: ['CLIENTE' as const], clienteId: 'CLI001' };
export const COMPRAS = { sub: 'compras', roles: ['COMPRAS' as const] };
export const VENTAS = { sub: 'ventas', roles: ['VENTAS' as const] };
