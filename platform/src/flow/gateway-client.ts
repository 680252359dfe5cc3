import type { z } from 'zod';

/** An answer outside 2xx, with the problem+json detail the service gave. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
  }
}

type Method = 'GET' | 'POST' | 'PUT';

async function call<S extends z.ZodType>(
  baseUrl: string,
  method: Method,
  path: string,
  schema: S,
  options: { body?: unknown; token?: string } = {},
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const url = `${baseUrl}${path}`;
  const response = await fetch(url, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(15_000),
  }).catch((error: unknown) => {
    // fetch says only "fetch failed"; the cause (ECONNREFUSED…) and the URL say what to fix.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new Error(`${method} ${url} failed${cause} (is the platform running on these ports?)`, {
      cause: error,
    });
  });
  const text = await response.text();
  if (!response.ok) throw new HttpError(method, path, response.status, text);
  return schema.parse(text === '' ? undefined : JSON.parse(text));
}

/** Requests as one logged-in user, through the gateway only. */
export interface Session {
  readonly username: string;
  /** The bearer token, for tools that send their own requests (the benchmark). */
  readonly accessToken: string;
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
  put<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
}

export async function login(
  baseUrl: string,
  username: string,
  password: string,
  tokenSchema: z.ZodType<{ accessToken: string }>,
): Promise<Session> {
  const { accessToken: token } = await call(baseUrl, 'POST', '/auth/login', tokenSchema, {
    body: { username, password },
  });
  return {
    username,
    accessToken: token,
    get: (path, schema) => call(baseUrl, 'GET', path, schema, { token }),
    post: (path, body, schema) => call(baseUrl, 'POST', path, schema, { body, token }),
    put: (path, body, schema) => call(baseUrl, 'PUT', path, schema, { body, token }),
  };
}
