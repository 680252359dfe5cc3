import { describe, expect, it } from 'vitest';
import { estadoTrasRespuesta, transition } from '../../src/domain/estado';
import { ESTADOS_SOLICITUD, type EstadoSolicitud } from '../../src/domain/solicitud';

const ALLOWED: readonly [EstadoSolicitud, EstadoSolicitud][] = [
  ['PENDIENTE', 'ENVIADA'],
  ['PENDIENTE', 'CANCELADA'],
  ['ENVIADA', 'RESPONDIDA'],
  ['ENVIADA', 'CANCELADA'],
  ['RESPONDIDA', 'COMPLETADA'],
  ['RESPONDIDA', 'CANCELADA'],
];

const allPairs = ESTADOS_SOLICITUD.flatMap((from) => ESTADOS_SOLICITUD.map((to) => [from, to] as const));

describe('the request state machine', () => {
  it.each(allPairs)('%s → %s follows DOMAIN.md', (from, to) => {
    const expected = ALLOWED.some(([a, b]) => a === from && b === to);
    const result = transition(from, to);
    expect(result.ok).toBe(expected);
    if (!result.ok) {
      expect(result.current).toBe(from);
      expect(result.reason).toContain(from);
    }
  });
});

describe('the state an answer leaves', () => {
  it.each(['PENDIENTE', 'ENVIADA', 'RESPONDIDA'] as const)('%s becomes RESPONDIDA', (estado) => {
    expect(estadoTrasRespuesta(estado)).toEqual({ ok: true, next: 'RESPONDIDA' });
  });

  it.each(['CANCELADA', 'COMPLETADA'] as const)('%s takes no answer and names itself', (estado) => {
    const result = estadoTrasRespuesta(estado);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(estado);
  });
});
