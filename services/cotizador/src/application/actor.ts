/**
 * Who acts, as the use cases need it: derived from the access token at the HTTP
 * edge so the application never sees tokens or roles.
 */
export interface Actor {
  /** Set for a CLIENTE: the only customer whose data it may see or change. */
  readonly confinedTo?: string;
  /** Staff may quote a negotiated unit price (precioBase). */
  readonly negotiatesPrices: boolean;
}

export function canSee(actor: Actor, clienteId: string): boolean {
  return actor.confinedTo === undefined || actor.confinedTo === clienteId;
}
