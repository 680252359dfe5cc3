import type { Respuesta } from './respuesta';

export interface Comparacion {
  /** Current offers that can be taken (ACEPTADA, PARCIAL), best first. */
  readonly ofertas: readonly Respuesta[];
  readonly mejorOferta?: Respuesta;
}

/** Each request's newest answer: a supplier that answers again replaces its offer. */
export function ofertasVigentes(respuestas: readonly Respuesta[]): Respuesta[] {
  const newest = new Map<string, Respuesta>();
  for (const r of respuestas) {
    const seen = newest.get(r.solicitudId);
    if (!seen || r.secuencia > seen.secuencia) newest.set(r.solicitudId, r);
  }
  return [...newest.values()];
}

function byPriceThenDaysThenTime(a: Respuesta, b: Respuesta): number {
  if (a.precioOfertado !== b.precioOfertado) return a.precioOfertado < b.precioOfertado ? -1 : 1;
  if (a.tiempoEntrega !== b.tiempoEntrega) return a.tiempoEntrega - b.tiempoEntrega;
  const time = a.fechaRespuesta.getTime() - b.fechaRespuesta.getTime();
  // Same millisecond: the id keeps the order stable, so two reads never disagree.
  return time !== 0 ? time : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Compares a group's current offers (DOMAIN.md): ACEPTADA and PARCIAL only, ranked
 * by price, then delivery days, then answer time (the earlier wins a tie).
 */
export function comparar(respuestas: readonly Respuesta[]): Comparacion {
  const ofertas = ofertasVigentes(respuestas)
    .filter((r) => r.estado === 'ACEPTADA' || r.estado === 'PARCIAL')
    .sort(byPriceThenDaysThenTime);
  const [mejorOferta] = ofertas;
  return mejorOferta ? { ofertas, mejorOferta } : { ofertas };
}
