import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodApp } from './types';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errors, PROBLEM_CONTENT_TYPE, toProblem, type FieldError } from '../errors';

/** `/productos/0/cantidad` → `productos[0].cantidad`. */
export function fieldPath(instancePath: string, context: string | undefined): string {
  const parts = instancePath.split('/').filter((p) => p.length > 0);
  if (parts.length === 0) return context ?? 'body';
  return parts.reduce(
    (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    '',
  );
}

function validationError(error: FastifyError): AppError {
  const context = (error as { validationContext?: string }).validationContext;
  const list: FieldError[] = (error.validation ?? []).map((v) => ({
    field: fieldPath(v.instancePath, context),
    rule: String(v.keyword),
    message: v.message ?? 'is not valid',
  }));
  return errors.validation(list);
}

/** Maps any error reaching the edge to an AppError; unknown ones become a generic 500. */
export function toAppError(error: unknown, bodyLimit: number, contentType?: string): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return validationError(error as unknown as FastifyError);
  const e = error as Partial<FastifyError> | undefined;
  if (e && Array.isArray(e.validation)) return validationError(e as FastifyError);
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return errors.payloadTooLarge(bodyLimit);
  // Fastify's message repeats the whole parameter, kilobytes of it.
  if (status === 414) return errors.uriTooLong();
  if (status === 415) return errors.unsupportedMediaType(contentType ?? 'missing');
  if (status >= 400 && status < 500 && typeof e?.code === 'string' && e.code.startsWith('FST_ERR_CTP')) {
    return errors.malformedBody(e.message ?? 'The body could not be parsed.');
  }
  if (status >= 400 && status < 500) {
    return new AppError(
      String(e?.code ?? 'client-error').toLowerCase(),
      status,
      STATUS_CODES[status] ?? 'Client Error',
      e?.message ?? 'The request was not accepted.',
    );
  }
  return errors.internal(error);
}

/** Longest path echoed back in a problem: a 15 KB path is no use there, only weight. */
const ECHOED_PATH_MAX_CHARS = 256;

function echoedPath(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '';
  return path.length > ECHOED_PATH_MAX_CHARS ? `${path.slice(0, ECHOED_PATH_MAX_CHARS)}…` : path;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) reply.header(name, value);
  const path = echoedPath(request);
  return reply
    .code(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer(JSON.stringify)
    .send(toProblem(error, path, String(request.id)));
}

/** What Node's HTTP parser adds to its errors: the chunk it was parsing, and how far it got. */
interface ParserError extends NodeJS.ErrnoException {
  readonly rawPacket?: unknown;
  readonly bytesParsed?: number;
}

/** A method, a space, then no line end: a request line still unfinished. */
const UNFINISHED_REQUEST_LINE = /^[A-Z]+ [^\n]*$/;

/**
 * Whether the size limit was passed by the request line itself, i.e. by the URL
 * (RFC 9110's 414), rather than by the header fields (431). Node's limit counts
 * both; the answer is 414 only when the chunk being parsed shows it: it starts a
 * request and holds no line end up to the limit.
 */
function requestLineOverflowed(error: ParserError): boolean {
  const { rawPacket, bytesParsed } = error;
  if (!Buffer.isBuffer(rawPacket)) return false;
  const parsed = rawPacket.subarray(0, bytesParsed ?? rawPacket.length);
  return UNFINISHED_REQUEST_LINE.test(parsed.toString('latin1'));
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (a URL or
 * headers over the size limit, a request too slow to arrive, bytes that are not HTTP) with
 * problem+json like every other error, instead of Fastify's default JSON. The socket
 * is closed after the answer, as Node does.
 */
export function clientErrorHandler(
  this: { log: { debug(details: object, message: string): void } },
  error: ParserError,
  socket: Duplex,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? requestLineOverflowed(error)
        ? errors.uriTooLong()
        : errors.headersTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? errors.requestTimeout()
        : errors.badRequest();
  this.log.debug({ err: error, code: appError.code }, 'request refused by the HTTP parser');
  if (socket.writable) {
    const body = JSON.stringify(toProblem(appError));
    socket.write(
      `HTTP/1.1 ${appError.status} ${appError.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function installErrorHandling(app: ZodApp, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) => {
    // The client hung up mid-answer (a closed tab, a load generator stopping): no fault
    // of ours to alarm on, and nobody left to send a problem to.
    if (reply.raw.destroyed) {
      request.log.info({ err: error }, 'client went away before the answer');
      return reply;
    }
    const appError = toAppError(error, bodyLimit, request.headers['content-type']);
    if (appError.status >= 500) {
      request.log.error({ err: appError.extra.cause ?? error }, 'request failed');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, appError.detail);
    }
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, errors.routeNotFound(request.method, echoedPath(request))),
  );
}
