import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp, type HttpApp } from '../src/http/app';
import { createLogger } from '../src/logger';

const quote = z.object({
  id: z.uuid(),
  clienteId: z.string(),
  total: z.number(),
  observaciones: z.string().nullable(),
  estado: z.enum(['PENDIENTE', 'APROBADA']),
  lineas: z.array(z.object({ productoId: z.number().int(), nombre: z.string() })),
});
const stored = {
  id: '01a23d42-0d19-7464-9c30-cb005464a024',
  clienteId: 'CLI001',
  total: 5355.5,
  observaciones: null,
  estado: 'PENDIENTE',
  lineas: [{ productoId: 1, nombre: 'Teclado "ñ" \u2028 <b>', precioCosto: 12 }],
  // What a careless handler might pass through: never printed.
  clienteDeOtro: 'CLI002',
  passwordHash: '$argon2id$…',
};

let app: HttpApp;
let answer: unknown;

beforeAll(async () => {
  app = await createHttpApp({
    logger: createLogger({ service: 'test', level: 'silent' }),
    openapi: { title: 'Test', description: 'test app', version: '1.0.0' },
    docs: false,
  });
  app.get('/quote', { schema: { response: { 200: quote } } }, async () => answer as never);
  app.get('/dated', { schema: { response: { 200: z.object({ at: z.date() }) } } }, async () => ({
    at: new Date('2026-12-03T10:00:00.000Z'),
  }));
  await app.ready();
});
afterAll(() => app.close());

describe('response serialization', () => {
  it('prints exactly what zod would, and only the properties the schema names', async () => {
    answer = stored;
    const response = await app.inject({ method: 'GET', url: '/quote' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(z.encode(quote, quote.parse(stored)));
    expect(response.body).not.toContain('CLI002');
    expect(response.body).not.toContain('argon2');
    expect(response.body).not.toContain('precioCosto');
  });

  it('answers 500 when a required property is missing, hiding the details', async () => {
    const { total: _total, ...incomplete } = stored;
    answer = incomplete;
    const response = await app.inject({ method: 'GET', url: '/quote' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).not.toContain('total');
  });

  it('keeps zod for schemas JSON Schema cannot express', async () => {
    const response = await app.inject({ method: 'GET', url: '/dated' });
    expect(response.json()).toEqual({ at: '2026-12-03T10:00:00.000Z' });
  });
});
