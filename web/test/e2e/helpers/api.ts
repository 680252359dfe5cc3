import { z } from 'zod';

const tokens = z.object({ accessToken: z.string() });
const created = z.object({ cotizacionId: z.string() });
const productos = z.object({ content: z.array(z.object({ id: z.number(), activo: z.boolean() })) });

async function ok(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Signs in through the gateway's API, as another user in the background of a scenario. */
export async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return tokens.parse(await ok(response, `login of ${username}`)).accessToken;
}

/** Creates a one-line quote for `clienteId` with the first active product; returns its id. */
export async function createQuoteAs(
  baseUrl: string,
  accessToken: string,
  clienteId: string,
): Promise<string> {
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const catalog = productos.parse(
    await ok(await fetch(`${baseUrl}/api/v1/cotizador/productos?size=5`, { headers }), 'the catalog'),
  );
  const producto = catalog.content.find((p) => p.activo);
  if (producto === undefined) throw new Error('the seeded catalog has no active product');
  const response = await fetch(`${baseUrl}/api/v1/cotizador/cotizaciones`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ clienteId, productos: [{ productoId: producto.id, cantidad: 2 }] }),
  });
  return created.parse(await ok(response, 'the quote')).cotizacionId;
}
