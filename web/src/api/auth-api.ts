import { z } from 'zod';
import { ApiError, apiErrorFrom } from './problem';

export const tokenPairSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  tokenType: z.literal('Bearer'),
  /** Seconds the access token lives. */
  expiresIn: z.number().int().positive(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Sends one JSON POST; a network failure becomes an ApiError with status 0. */
export async function postJson(fetchFn: FetchLike, url: string, body: unknown): Promise<Response> {
  try {
    return await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'Sin conexión', 'No se pudo contactar el servidor.', [], { cause });
  }
}

export async function readTokenPair(response: Response): Promise<TokenPair> {
  if (!response.ok) throw await apiErrorFrom(response);
  const parsed = tokenPairSchema.safeParse(await response.json());
  if (!parsed.success)
    throw new ApiError(response.status, 'Respuesta inesperada', 'El servidor devolvió tokens no válidos.');
  return parsed.data;
}
