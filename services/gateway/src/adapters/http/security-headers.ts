import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodApp } from '@arka/kernel';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaders {
  /** Set on every answer, in helmet's order. */
  readonly set: readonly (readonly [name: string, value: string])[];
  /** Removed from every answer (X-Powered-By). */
  readonly removed: readonly string[];
}

const hasFunction = (value: unknown): boolean =>
  typeof value === 'function' ||
  (typeof value === 'object' && value !== null && Object.values(value).some(hasFunction));

/**
 * The headers helmet sets with `options`, worked out once: with no per-request
 * directive (no function, no nonce) they are the same on every answer, and
 * @fastify/helmet would rebuild helmet's whole middleware chain for each request.
 * Throws when `options` are invalid, or would make the headers differ per request.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): SecurityHeaders {
  if (hasFunction(options)) throw new Error('security headers computed per request are not supported');
  const set = new Map<string, string>();
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: number | string | readonly string[]) {
      set.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let failure: unknown;
  let finished = false;
  // No directive is a function, so helmet reads nothing of the request and finishes at once.
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
    finished = true;
  });
  if (failure !== undefined) throw failure;
  if (!finished) throw new Error('helmet did not finish synchronously: its headers depend on the request');
  return { set: [...set], removed };
}

/**
 * Sets the security headers on every answer as helmet does, in an `onRequest` hook so
 * that errors, 404s and proxied answers all carry them (an answer's own header of the
 * same name, set later, wins). They go on the reply with lower-case names, as Fastify
 * keeps them: Node then writes them as they are, without a second table of headers.
 */
export function registerSecurityHeaders(app: ZodApp, options: Readonly<HelmetOptions>): void {
  const { set, removed } = securityHeaders(options);
  const names = set.map(([name]) => name.toLowerCase());
  const values = set.map(([, value]) => value);
  app.addHook('onRequest', (_request, reply, done) => {
    for (let i = 0; i < names.length; i += 1) reply.header(names[i] ?? '', values[i]);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}
