import type { EstadoSolicitud } from '../domain/solicitud';

/**
 * Expected business outcomes are values (STYLE.md 6); the HTTP edge maps each
 * failure kind to its status in one place.
 */
export type Failure =
  | { readonly kind: 'not-found'; readonly what: string; readonly id: string }
  | { readonly kind: 'invalid-state'; readonly current: EstadoSolicitud; readonly detail: string }
  | { readonly kind: 'duplicate'; readonly detail: string }
  | { readonly kind: 'busy'; readonly detail: string }
  | {
      readonly kind: 'proveedores-invalidos';
      readonly unknown: readonly string[];
      readonly inactive: readonly string[];
    }
  | { readonly kind: 'proveedor-no-coincide'; readonly expected: string; readonly given: string };

export type Outcome<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Failure);

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = <T>(f: Failure): Outcome<T> => ({ ok: false, ...f });
