import { money } from '@arka/kernel';
import { describe, expect, it } from 'vitest';
import { comparar, ofertasVigentes } from '../../src/domain/comparacion';
import type { EstadoRespuesta, Respuesta } from '../../src/domain/respuesta';

const T0 = Date.parse('2026-03-01T12:00:00Z');

function oferta(
  solicitudId: string,
  precio: string,
  dias: number,
  minuto: number,
  estado: EstadoRespuesta = 'ACEPTADA',
  secuencia = 1,
): Respuesta {
  const precioOfertado = money.parse(precio);
  if (precioOfertado === undefined) throw new Error(precio);
  return {
    id: `${solicitudId}-${secuencia}`,
    solicitudId,
    proveedorId: `PROV-${solicitudId}`,
    estado,
    precioOfertado,
    tiempoEntrega: dias,
    fechaRespuesta: new Date(T0 + minuto * 60_000),
    secuencia,
  };
}

const ranking = (respuestas: Respuesta[]) => comparar(respuestas).ofertas.map((r) => r.solicitudId);

describe('the comparison of a group', () => {
  it('ranks by price first', () => {
    expect(ranking([oferta('a', '10.01', 1, 0), oferta('b', '10.00', 9, 5)])).toEqual(['b', 'a']);
  });

  it('breaks a price tie by delivery days', () => {
    expect(ranking([oferta('a', '10.00', 4, 0), oferta('b', '10.00', 2, 5)])).toEqual(['b', 'a']);
  });

  it('breaks a price and days tie by the earlier answer', () => {
    expect(ranking([oferta('a', '10.00', 2, 7), oferta('b', '10.00', 2, 3)])).toEqual(['b', 'a']);
  });

  it('keeps only ACEPTADA and PARCIAL offers', () => {
    const result = comparar([
      oferta('a', '5.00', 1, 0, 'RECHAZADA'),
      oferta('b', '8.00', 1, 0, 'PARCIAL'),
      oferta('c', '9.00', 1, 0),
    ]);
    expect(result.ofertas.map((r) => r.solicitudId)).toEqual(['b', 'c']);
    expect(result.mejorOferta?.solicitudId).toBe('b');
  });

  it("takes each supplier's newest answer as its current offer, even a worse or declining one", () => {
    const respuestas = [
      oferta('a', '5.00', 1, 0, 'ACEPTADA', 1),
      oferta('a', '50.00', 1, 9, 'ACEPTADA', 2),
      oferta('b', '1.00', 1, 0, 'ACEPTADA', 1),
      oferta('b', '0.00', 0, 9, 'RECHAZADA', 2),
      oferta('c', '20.00', 1, 1),
    ];
    expect(
      ofertasVigentes(respuestas)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a-2', 'b-2', 'c-1']);
    expect(ranking(respuestas)).toEqual(['c', 'a']);
  });

  it('names no best offer when there is none', () => {
    expect(comparar([oferta('a', '0.00', 0, 0, 'RECHAZADA')])).toEqual({ ofertas: [] });
  });
});
