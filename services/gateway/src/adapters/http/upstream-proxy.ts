import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { errors, type ZodApp } from '@arka/kernel';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { Pool, type Dispatcher } from 'undici';
import {
  BreakerOpenError,
  BreakerShutdownError,
  createBreaker,
  type BreakerSettings,
  type BreakerState,
} from './circuit-breaker';
import { gatewayErrors } from './gateway-errors';

export type { BreakerSettings, BreakerState } from './circuit-breaker';

export interface UpstreamSettings {
  /** Name in logs, health and problem details, e.g. `cotizador`. */
  readonly name: string;
  /** Path prefix the upstream serves itself; forwarded unchanged. */
  readonly prefix: string;
  /** Origin, e.g. http://127.0.0.1:8081. */
  readonly url: string;
  readonly timeoutMs: number;
  readonly breaker: BreakerSettings;
}

export interface Upstream {
  readonly name: string;
  readonly url: string;
  breakerState(): BreakerState;
}

// RFC 9110 §7.6.1: meaningful for one connection only, never forwarded.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
/**
 * Request headers the gateway does not copy: hop-by-hop ones; those it sets itself
 * (`host` and `content-length` by the HTTP client, `x-request-id`, `x-forwarded-for`);
 * and `expect`, which Node already answered (100 Continue) before the body was read.
 */
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'host',
  'content-length',
  'expect',
  'x-request-id',
  'x-forwarded-for',
]);
const NOT_RELAYED = new Set(HOP_BY_HOP);
// HEAD named here rather than left to Fastify's automatic route, which would answer Content-Length: 0.
const METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];
/** Answers up to this size (by their Content-Length) are read whole, then sent in one write; longer or unsized ones stream. */
const BUFFERED_ANSWER_BYTES = 64 * 1024;
/** Statuses whose answers carry no body. */
const noBody = (method: string, status: number) => method === 'HEAD' || status === 204 || status === 304;

/** A Connection header naming only itself as persistent or closing: it names no other header. */
const PLAIN_CONNECTION = /^\s*(?:keep-alive|close)\s*$/i;

/** The header names listed in a Connection header (RFC 9110 §7.6.1), lower case; undefined for none. */
function connectionOptions(value: string | string[] | undefined): Set<string> | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value.join(',') : value;
  if (PLAIN_CONNECTION.test(list)) return undefined;
  const names = new Set<string>();
  for (const part of list.split(',')) {
    const name = part.trim().toLowerCase();
    if (name !== '') names.add(name);
  }
  return names;
}

/**
 * The headers sent upstream, as undici's flat name/value list, built in one pass over
 * the caller's (parsed) headers: hop-by-hop ones and those the caller named in
 * `Connection` are dropped; a body goes with the caller's own type; the request id
 * and the address the request came from are the gateway's to set.
 */
function upstreamHeaders(request: FastifyRequest, hasBody: boolean): string[] {
  const incoming = request.headers;
  const named = connectionOptions(incoming.connection);
  const headers: string[] = [];
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || NOT_FORWARDED.has(name) || named?.has(name) === true) continue;
    if (hasBody && name === 'content-type') continue;
    if (typeof value === 'string') headers.push(name, value);
    else for (const each of value) headers.push(name, each);
  }
  // Per RFC 9110 §8.3 a body without a type may be taken as octet-stream: say so.
  if (hasBody) headers.push('content-type', incoming['content-type'] ?? 'application/octet-stream');
  const forwardedFor = incoming['x-forwarded-for'];
  headers.push(
    'x-request-id',
    request.id,
    'x-forwarded-for',
    forwardedFor === undefined || forwardedFor === '' ? request.ip : `${forwardedFor}, ${request.ip}`,
  );
  return headers;
}

/** Sets the answer's headers on the reply, without hop-by-hop ones and those its `Connection` names. */
function relayHeaders(reply: FastifyReply, headers: IncomingHttpHeaders): void {
  const named = connectionOptions(headers.connection);
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || NOT_RELAYED.has(name) || named?.has(name) === true) continue;
    reply.header(name, value);
  }
}

/** Paths made only of these characters are the same after URL normalisation. */
const PLAIN_PATH = /^[A-Za-z0-9\-_~!$&'()*+,;=:@/]*$/;

/**
 * The upstream request target: the path as a URL parser normalises it (`.`
 * segments, backslashes, characters outside the URL set), the query unchanged.
 */
export function upstreamTarget(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt >= 0 ? url.slice(0, queryAt) : url;
  const query = queryAt > 0 ? url.slice(queryAt) : '';
  return (PLAIN_PATH.test(path) ? path : new URL(path, 'http://upstream').pathname) + query;
}

/**
 * What the gateway refuses to forward (a `..` segment, once decoded, or a malformed
 * percent-encoding), checked before the upstream is asked, so such a request is
 * the client's 400 and never counts against the upstream's breaker.
 */
export function isForwardable(url: string): boolean {
  if (!url.includes('%')) return !url.includes('/..') && !url.includes('../');
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return false;
  }
  return decoded !== '..' && !decoded.includes('/..') && !decoded.includes('../');
}

interface Answer {
  readonly status: number;
  /** As undici parsed them: relayHeaders() filters them. */
  readonly headers: IncomingHttpHeaders;
  /** The whole body, a stream of it, or nothing (HEAD, 204, 304). */
  readonly body: Buffer | Readable | undefined;
}

/** An upstream answered 502–504 itself: relayed as it was, and counted by the breaker. */
class UpstreamServerError extends Error {
  constructor(
    upstream: string,
    readonly answer: Answer,
  ) {
    super(`${upstream} answered ${answer.status}`);
  }
}

const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const codeOf = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code;

/**
 * Sends the request upstream and settles with its answer: once the whole body has
 * arrived when it is small and sized, else as soon as the headers have (the body
 * then streams, with backpressure, and aborts the upstream request if the client
 * goes away). Rejects on transport errors and timeouts; never retries.
 */
function exchange(pool: Pool, request: FastifyRequest, timeoutMs: number): Promise<Answer> {
  const body = Buffer.isBuffer(request.body) ? request.body : null;
  const options: Dispatcher.DispatchOptions = {
    path: upstreamTarget(request.url),
    method: request.method as Dispatcher.HttpMethod,
    headers: upstreamHeaders(request, body !== null),
    body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  };
  return new Promise<Answer>((resolve, reject) => {
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    let chunks: Buffer[] | undefined;
    let stream: Readable | undefined;
    let settled = false;
    const settle = (answer: Answer) => {
      settled = true;
      resolve(answer);
    };
    pool.dispatch(options, {
      // Its presence is what tells undici this handler speaks the controller API.
      onRequestStart() {},
      onResponseStart(controller, statusCode, responseHeaders) {
        // Informational answers (103 Early Hints…) precede the answer: not relayed.
        if (statusCode < 200) return;
        status = statusCode;
        headers = responseHeaders;
        if (noBody(request.method, statusCode)) {
          // Fastify sends a 204's (empty) body without Content-Type and Content-Length, as the status requires.
          if (statusCode === 204) chunks = [];
          return;
        }
        const length = Number(responseHeaders['content-length'] ?? Number.NaN);
        if (length <= BUFFERED_ANSWER_BYTES) {
          chunks = [];
          return;
        }
        stream = new Readable({
          read: () => controller.resume(),
          destroy: (error, callback) => {
            if (!controller.aborted) controller.abort(error ?? new Error('the client went away'));
            callback(error);
          },
        });
        // Fastify listens for errors once it sends the stream; one failing before that must not go unheard.
        stream.on('error', () => undefined);
        settle({ status, headers, body: stream });
      },
      onResponseData(controller, chunk) {
        if (chunks !== undefined) chunks.push(chunk);
        else if (stream !== undefined && !stream.push(chunk)) controller.pause();
      },
      onResponseEnd() {
        if (stream !== undefined) {
          stream.push(null);
          return;
        }
        const whole =
          chunks === undefined ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        settle({ status, headers, body: whole });
      },
      onResponseError(_controller, error) {
        if (!settled) {
          settled = true;
          reject(error);
        } else if (stream !== undefined && !stream.destroyed) stream.destroy(error);
      },
    });
  });
}

function relay(reply: FastifyReply, answer: Answer): FastifyReply {
  reply.code(answer.status);
  relayHeaders(reply, answer.headers);
  // An HTTP/1 connection whose request body was not read to the end cannot carry another request.
  if (!reply.request.raw.complete) reply.header('connection', 'close');
  return reply.send(answer.body);
}

/**
 * Routes `<prefix>` and `<prefix>/**` to one upstream through its own connection
 * pool and circuit breaker. The body is read as raw bytes (up to the body limit)
 * and forwarded untouched; the gateway checks the access token first, and the
 * upstream checks it again.
 */
export async function registerUpstreamProxy(
  app: ZodApp,
  settings: UpstreamSettings,
  options: { readonly guard: preHandlerAsyncHookHandler; readonly bodyLimit: number },
): Promise<Upstream> {
  const pool = new Pool(settings.url, { connections: 128, pipelining: 1, keepAliveTimeout: 30_000 });
  const breaker = createBreaker(settings.breaker, {
    onOpen: () => app.log.warn({ upstream: settings.name }, 'circuit opened'),
    onHalfOpen: () => app.log.info({ upstream: settings.name }, 'circuit half-open: probing'),
    onClose: () => app.log.info({ upstream: settings.name }, 'circuit closed'),
  });
  const retryAfter = Math.max(1, Math.ceil(settings.breaker.resetTimeoutMs / 1000));
  const call = async (request: FastifyRequest): Promise<Answer> => {
    const answer = await exchange(pool, request, settings.timeoutMs);
    // A status Fastify cannot send (over 599) is the upstream misbehaving: a failure.
    if (answer.status > 599) {
      if (answer.body instanceof Readable) answer.body.destroy();
      throw new Error(`${settings.name} answered status ${answer.status}`);
    }
    if (answer.status >= 502 && answer.status <= 504) throw new UpstreamServerError(settings.name, answer);
    return answer;
  };

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: options.bodyLimit },
      (_request, body, done) => done(null, body),
    );
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isForwardable(request.url)) throw gatewayErrors.malformedPath();
      let answer: Answer;
      try {
        answer = await breaker.fire(() => call(request));
      } catch (error) {
        if (error instanceof UpstreamServerError) return relay(reply, error.answer);
        if (error instanceof BreakerOpenError) throw gatewayErrors.circuitOpen(settings.name, retryAfter);
        // A request that slipped in while the gateway closes: not the upstream's fault.
        if (error instanceof BreakerShutdownError) throw errors.unavailable('The gateway is shutting down.');
        if (TIMEOUTS.has(codeOf(error) as string)) throw gatewayErrors.upstreamTimeout(settings.name, error);
        throw gatewayErrors.upstreamUnreachable(settings.name, error);
      }
      return relay(reply, answer);
    };
    for (const url of [settings.prefix, `${settings.prefix}/*`]) {
      scope.route({ method: METHODS, url, preHandler: options.guard, schema: { hide: true }, handler });
    }
  });
  app.addHook('onClose', async () => {
    breaker.shutdown();
    await pool.close();
  });

  return { name: settings.name, url: settings.url, breakerState: () => breaker.state() };
}
