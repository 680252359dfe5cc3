import type { EstadoSolicitud } from './solicitud';

/**
 * The request state machine (DOMAIN.md): PENDIENTE → ENVIADA → RESPONDIDA →
 * COMPLETADA, and PENDIENTE, ENVIADA or RESPONDIDA → CANCELADA. COMPLETADA and
 * CANCELADA are final.
 */
const NEXT: Readonly<Record<EstadoSolicitud, readonly EstadoSolicitud[]>> = {
  PENDIENTE: ['ENVIADA', 'CANCELADA'],
  ENVIADA: ['RESPONDIDA', 'CANCELADA'],
  RESPONDIDA: ['COMPLETADA', 'CANCELADA'],
  COMPLETADA: [],
  CANCELADA: [],
};

export type Transition =
  { readonly ok: true } | { readonly ok: false; readonly current: EstadoSolicitud; readonly reason: string };

export function transition(current: EstadoSolicitud, next: EstadoSolicitud): Transition {
  if (NEXT[current].includes(next)) return { ok: true };
  return {
    ok: false,
    current,
    reason: `The request is ${current}; it cannot move to ${next}.`,
  };
}

export function isFinal(estado: EstadoSolicitud): boolean {
  return NEXT[estado].length === 0;
}

/**
 * Where an answer leaves a request. A supplier may answer as soon as the request
 * exists: when it answers before the dispatcher has run (PENDIENTE), the answer is
 * kept and the request still becomes RESPONDIDA, because refusing it would lose a
 * real offer over a delay of our own; the dispatcher then finds it already answered
 * and sends nothing. A RESPONDIDA request stays RESPONDIDA (a newer offer); a final
 * request takes no answers.
 */
export function estadoTrasRespuesta(
  current: EstadoSolicitud,
): { readonly ok: true; readonly next: EstadoSolicitud } | Extract<Transition, { ok: false }> {
  if (isFinal(current)) {
    return { ok: false, current, reason: `The request is ${current}; it takes no more answers.` };
  }
  return { ok: true, next: 'RESPONDIDA' };
}
