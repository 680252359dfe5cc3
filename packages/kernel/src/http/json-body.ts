import { isUtf8 } from 'node:buffer';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors';
import type { ZodApp } from './types';

/**
 * Once the bytes are known to be UTF-8, only a JSON escape can put a NUL or a lone
 * surrogate into a parsed string, so bodies without one skip the walk.
 */
const SUSPECT_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** JSON is UTF-8 (RFC 8259): a body declared in another charset is refused, not misread. */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

// ES2024's String.prototype.isWellFormed, in Node 20 but not in our ES2023 typings.
const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

function cleanText(value: unknown): boolean {
  if (typeof value === 'string') return isWellFormed(value) && !value.includes('\u0000');
  if (Array.isArray(value)) return value.every(cleanText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).every(([key, item]) => cleanText(key) && cleanText(item));
  return true;
}

type JsonTextParser = (
  request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/**
 * Fastify's JSON parser (prototype-poisoning protection included) that also refuses,
 * with 400 malformed-body, text that would not be stored as sent: bytes that are not
 * UTF-8 (decoding would turn them into U+FFFD), NUL characters and unpaired
 * surrogates (SQLite and MySQL would keep U+FFFD instead, so the answer and every
 * later read would differ), and with 415 JSON declared in another charset.
 */
function jsonTextParser(app: ZodApp): JsonTextParser {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(errors.unsupportedMediaType(String(request.headers['content-type'])));
      return;
    }
    if (!isUtf8(body)) {
      done(errors.malformedBody('The body is not valid UTF-8.'));
      return;
    }
    const text = body.toString('utf8');
    parse(request, text, (error, value) => {
      if (error) done(error);
      else if (SUSPECT_ESCAPE.test(text) && !cleanText(value))
        done(errors.malformedBody('Text in the body must be valid Unicode, without NUL characters.'));
      else done(null, value);
    });
  };
}

/** An empty JSON body read as "no body" rather than refused as malformed JSON. */
export interface EmptyJsonBody {
  /** What the route sees as its body. */
  readonly value: null | undefined;
  /** A body of JSON whitespace only counts as empty too. @default false */
  readonly orBlank?: boolean;
}

const isJsonWhitespace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Installs jsonTextParser as the application/json parser of `app` (createHttpApp does)
 * or of a scope: a scope that must accept an empty body (the Java system's clients
 * send one with `?nuevoEstado=`) says how with `emptyBody`.
 */
export function installJsonTextParser(app: ZodApp, emptyBody?: EmptyJsonBody): void {
  const parse = jsonTextParser(app);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    const empty = bytes.length === 0 || (emptyBody?.orBlank === true && bytes.every(isJsonWhitespace));
    if (emptyBody !== undefined && empty) done(null, emptyBody.value);
    else parse(request, bytes, done);
  });
}
