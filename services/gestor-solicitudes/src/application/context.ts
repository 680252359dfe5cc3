import type { SolicitudesStore } from './ports/solicitudes-store';
import type { Runtime } from './ports/runtime';

/** What every use case of the service is given by the composition root. */
export interface GestorContext {
  readonly store: SolicitudesStore;
  readonly runtime: Runtime;
  /** Purchasing's mailbox, told of every supplier answer. */
  readonly comprasEmail: string;
  /** Called after a write that added outbox messages, so the relay publishes them without waiting. */
  readonly outboxWritten?: () => void;
}

/** The supplier a caller is confined to (a PROVEEDOR), or none (COMPRAS, ADMIN). */
export interface Scope {
  readonly confinedTo?: string;
}

export function visibleTo(scope: Scope, proveedorId: string): boolean {
  return scope.confinedTo === undefined || scope.confinedTo === proveedorId;
}

/** Times a read-modify-write is retried when another write to the same request came first. */
export const OPTIMISTIC_ATTEMPTS = 5;
