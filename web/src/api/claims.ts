import { z } from 'zod';

export const ROLES = ['ADMIN', 'VENTAS', 'COMPRAS', 'CLIENTE', 'PROVEEDOR'] as const;
export type Role = (typeof ROLES)[number];

const claimsSchema = z.object({
  sub: z.string(),
  roles: z.array(z.enum(ROLES)).min(1),
  clienteId: z.string().optional(),
  proveedorId: z.string().optional(),
  exp: z.number(),
});

/** Who the access token says the user is; `exp` in seconds since the epoch. */
export type Claims = z.infer<typeof claimsSchema>;

/**
 * Reads the claims of a JWT for display and for timing the refresh only. The
 * signature is NOT verified: the gateway does that on every call, and nothing
 * here grants access.
 */
export function decodeClaims(token: string): Claims | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const parsed = claimsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function hasRole(claims: Claims, ...roles: Role[]): boolean {
  return claims.roles.some((r) => roles.includes(r));
}
