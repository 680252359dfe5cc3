import { notificationMessageSchema } from '@arka/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, bearer, startTestCotizador, tokens, type TestCotizador } from '../helpers/cotizador';

const START = new Date('2026-03-01T12:00:00.000Z');
let cotizador: TestCotizador;
let ventas: string;
let cli001: string;

beforeAll(async () => {
  cotizador = await startTestCotizador(START);
  ventas = await cotizador.token(tokens.ventas);
  cli001 = await cotizador.token(tokens.cliente('CLI001'));
});
afterAll(() => cotizador.close());

async function newQuote(clienteId = 'CLI001'): Promise<string> {
  const response = await cotizador.app.inject({
    method: 'POST',
    url: `${API}/cotizaciones`,
    headers: bearer(ventas),
    payload: { clienteId, productos: [{ productoId: 901, cantidad: 2 }] },
  });
  expect(response.statusCode).toBe(201);
  return response.json().cotizacionId;
}

function change(id: string, options: { estado?: string; nuevoEstado?: string; token?: string }) {
  return cotizador.app.inject({
    method: 'PUT',
    url: `${API}/cotizaciones/${id}/estado${options.nuevoEstado ? `?nuevoEstado=${options.nuevoEstado}` : ''}`,
    headers: bearer(options.token ?? ventas),
    ...(options.estado ? { payload: { estado: options.estado } } : {}),
  });
}

function notifications(rows: { body: string; attributes: string }[]) {
  return rows.map((r) => ({
    message: notificationMessageSchema.parse(JSON.parse(r.body)),
    attributes: JSON.parse(r.attributes),
  }));
}

describe('the quote lifecycle', () => {
  it('writes the customer notification to the outbox with the quote', async () => {
    const before = (await cotizador.outboxRows()).length;
    const id = await newQuote('CLI002');
    const rows = notifications((await cotizador.outboxRows()).slice(before));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.message).toMatchObject({
      type: 'email',
      recipient: 'compras@cliente2.example',
      subject: `Cotización ${id} creada`,
      priority: 'normal',
      service: 'cotizador',
      occurredAt: START.toISOString(),
    });
    expect(rows[0]?.attributes).toEqual({ priority: 'normal', type: 'email', service: 'cotizador' });
  });

  it('approves with {estado} in the body and notifies sales with high priority', async () => {
    const id = await newQuote();
    const before = (await cotizador.outboxRows()).length;
    const response = await change(id, { estado: 'APROBADA' });
    expect(response.statusCode).toBe(200);
    expect(response.json().estado).toBe('APROBADA');
    const rows = notifications((await cotizador.outboxRows()).slice(before));
    expect(rows.map((r) => r.message)).toMatchObject([
      { recipient: 'ventas@arka.example', priority: 'high', subject: `Cotización ${id} aprobada` },
    ]);
  });

  it('rejects with ?nuevoEstado= as the Java clients send it, and notifies sales', async () => {
    const id = await newQuote();
    const before = (await cotizador.outboxRows()).length;
    const response = await change(id, { nuevoEstado: 'RECHAZADA' });
    expect(response.json().estado).toBe('RECHAZADA');
    expect(
      notifications((await cotizador.outboxRows()).slice(before)).map((r) => r.message.priority),
    ).toEqual(['high']);
  });

  it('accepts ?nuevoEstado= with an empty JSON body, as the Java clients send it', async () => {
    const id = await newQuote();
    const response = await cotizador.app.inject({
      method: 'PUT',
      url: `${API}/cotizaciones/${id}/estado?nuevoEstado=CANCELADA`,
      headers: { ...bearer(ventas), 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().estado).toBe('CANCELADA');
  });

  it('lets a CLIENTE cancel its own quote without notifying sales', async () => {
    const id = await newQuote();
    const before = (await cotizador.outboxRows()).length;
    const response = await change(id, { estado: 'CANCELADA', token: cli001 });
    expect(response.json().estado).toBe('CANCELADA');
    expect((await cotizador.outboxRows()).length).toBe(before);
  });

  it('answers 409 naming the current state to any other transition', async () => {
    const id = await newQuote();
    await change(id, { estado: 'APROBADA' });
    for (const estado of ['RECHAZADA', 'CANCELADA', 'PENDIENTE', 'APROBADA']) {
      const response = await change(id, { estado });
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json().detail).toBe('La cotización está APROBADA');
    }
  });

  it('answers 409 to moving a PENDIENTE quote to VENCIDA or PENDIENTE', async () => {
    const id = await newQuote();
    for (const estado of ['VENCIDA', 'PENDIENTE'])
      expect((await change(id, { estado })).json().detail).toBe('La cotización está PENDIENTE');
  });

  it('400 when the body and the query name different states, or none', async () => {
    const id = await newQuote();
    const both = await cotizador.app.inject({
      method: 'PUT',
      url: `${API}/cotizaciones/${id}/estado?nuevoEstado=APROBADA`,
      headers: bearer(ventas),
      payload: { estado: 'RECHAZADA' },
    });
    expect(both.statusCode).toBe(400);
    const none = await change(id, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'estado', rule: 'required' });
    const notJson = await cotizador.app.inject({
      method: 'PUT',
      url: `${API}/cotizaciones/${id}/estado`,
      headers: { ...bearer(ventas), 'content-type': 'application/json' },
      payload: '{"estado": APROBADA}',
    });
    expect(notJson.json()).toMatchObject({ status: 400, type: expect.stringContaining('malformed-body') });
  });

  it('reads a PENDIENTE quote as VENCIDA once 30 days have passed, and refuses to approve it', async () => {
    const id = await newQuote();
    cotizador.setNow(new Date('2026-03-31T12:00:00.000Z'));
    const lastDay = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones/${id}`,
      headers: bearer(ventas),
    });
    expect(lastDay.json().estado).toBe('PENDIENTE');

    cotizador.setNow(new Date('2026-03-31T12:00:00.001Z'));
    const expired = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones/${id}`,
      headers: bearer(ventas),
    });
    expect(expired.json().estado).toBe('VENCIDA');
    const approve = await change(id, { estado: 'APROBADA' });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().detail).toBe('La cotización está VENCIDA');

    const vencidas = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones?estado=VENCIDA&size=100`,
      headers: bearer(ventas),
    });
    expect(vencidas.json().content.map((q: { cotizacionId: string }) => q.cotizacionId)).toContain(id);
    const pendientes = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones?estado=PENDIENTE&size=100`,
      headers: bearer(ventas),
    });
    expect(pendientes.json().content.map((q: { cotizacionId: string }) => q.cotizacionId)).not.toContain(id);
    cotizador.setNow(START);
  });
});

describe('paginated quote lists', () => {
  it('pages newest first with Spring-style totals', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      cotizador.setNow(new Date(Date.UTC(2026, 3, 1, 0, 0, i)));
      ids.push(await newQuote('CLI003'));
    }
    cotizador.setNow(START);
    const first = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones?clienteId=CLI003&size=2`,
      headers: bearer(ventas),
    });
    expect(first.json()).toMatchObject({ page: 0, size: 2, totalElements: 5, totalPages: 3 });
    expect(first.json().content.map((q: { cotizacionId: string }) => q.cotizacionId)).toEqual([
      ids[4],
      ids[3],
    ]);
    const last = await cotizador.app.inject({
      method: 'GET',
      url: `${API}/cotizaciones?clienteId=CLI003&size=2&page=2`,
      headers: bearer(ventas),
    });
    expect(last.json().content.map((q: { cotizacionId: string }) => q.cotizacionId)).toEqual([ids[0]]);
    expect(last.json().content[0].productos).toHaveLength(1);
  });
});
