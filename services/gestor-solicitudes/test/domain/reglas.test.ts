import { money, type Cents } from '@arka/kernel';
import { describe, expect, it } from 'vitest';
import { notificationPriority } from '../../src/domain/prioridad';
import { ofertaViolations } from '../../src/domain/respuesta';
import { proveedoresUnicos } from '../../src/domain/solicitud';

const cents = (n: number) => money.ofCents(n) as Cents;

describe('the priority mapping', () => {
  it.each([
    ['URGENTE', 'critical'],
    ['ALTA', 'high'],
    ['MEDIA', 'normal'],
    ['BAJA', 'low'],
  ] as const)('%s → %s', (prioridad, priority) => {
    expect(notificationPriority(prioridad)).toBe(priority);
  });
});

describe('the offer rules', () => {
  it.each([
    ['ACEPTADA', 1, 0, []],
    ['PARCIAL', 1, 30, []],
    ['RECHAZADA', 0, 0, []],
    ['ACEPTADA', 0, 1, ['precioOfertado']],
    ['PARCIAL', 0, 1, ['precioOfertado']],
    ['RECHAZADA', -1, 1, ['precioOfertado']],
    ['ACEPTADA', 100, -1, ['tiempoEntrega']],
    ['ACEPTADA', 100, 1.5, ['tiempoEntrega']],
  ] as const)('%s, %i cents, %s days → violations %j', (estado, precio, dias, fields) => {
    const violations = ofertaViolations({ estado, precioOfertado: cents(precio), tiempoEntrega: dias });
    expect(violations.map((v) => v.field)).toEqual(fields);
  });
});

describe('the supplier list of a bulk send', () => {
  it('keeps the first occurrence of each id, in order', () => {
    expect(proveedoresUnicos(['PROV002', 'PROV001', 'PROV002', 'PROV003', 'PROV001'])).toEqual([
      'PROV002',
      'PROV001',
      'PROV003',
    ]);
  });
});
