import type { FetchLike } from '../../src/api/auth-api';

export interface RecordedCall {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

type Reply = { status: number; body?: unknown; contentType?: string };
type Handler = (call: RecordedCall) => Reply | Promise<Reply>;

export const json = (status: number, body: unknown): Reply => ({ status, body });
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
};

/** An `application/problem+json` answer as the Arka services send it. */
export const problem = (
  status: number,
  detail: string,
  errors?: { field: string; rule: string; message: string }[],
): Reply => ({
  status,
  contentType: 'application/problem+json',
  body: {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors ? { errors } : {}),
  },
});

/**
 * A stand-in for the gateway: routes `METHOD /path` (query ignored unless the
 * key has a `?`) to a handler and records every call, so a test can assert on
 * what the console sent.
 */
export function fakeGateway(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method, url: input, headers, body };
    calls.push(call);
    const path = input.split('?')[0];
    const handler = routes[`${method} ${input}`] ?? routes[`${method} ${path}`];
    if (handler === undefined) throw new Error(`fake gateway has no route for ${method} ${input}`);
    const reply = await handler(call);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': reply.contentType ?? 'application/json' },
    });
  };
  return {
    fetch,
    calls,
    callsTo: (method: string, path: string) =>
      calls.filter((c) => c.method === method && c.url.split('?')[0] === path),
  };
}

export const tokenPair = (accessToken: string, refreshToken = 'refresh-1', expiresIn = 900) =>
  json(200, { accessToken, refreshToken, tokenType: 'Bearer', expiresIn });
