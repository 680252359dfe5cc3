/**
 * The error family every service throws to the HTTP edge. `code` is stable and
 * part of the public contract (it becomes the problem `type`); `detail` is shown to
 * the client, so it never carries internals. Causes travel in `cause` for the log.
 */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: {
      readonly errors?: readonly FieldError[];
      readonly cause?: unknown;
      readonly headers?: Record<string, string>;
    } = {},
  ) {
    super(detail, { cause: extra.cause });
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (fieldErrors: readonly FieldError[], detail = 'The request is not valid.') =>
    new AppError('validation-failed', 400, 'Bad Request', detail, { errors: fieldErrors }),
  malformedBody: (detail: string) => new AppError('malformed-body', 400, 'Bad Request', detail),
  badUrl: () =>
    new AppError('bad-url', 400, 'Bad Request', 'The URL is not valid (malformed percent-encoding?).'),
  uriTooLong: () =>
    new AppError('uri-too-long', 414, 'URI Too Long', 'A part of the URL is longer than this API accepts.'),
  headersTooLarge: () =>
    new AppError(
      'headers-too-large',
      431,
      'Request Header Fields Too Large',
      'The request headers are larger than this server accepts.',
    ),
  requestTimeout: () =>
    new AppError('request-timeout', 408, 'Request Timeout', 'The request did not arrive in time.'),
  badRequest: () => new AppError('bad-request', 400, 'Bad Request', 'The request is not valid HTTP.'),
  unauthorized: (detail = 'A valid access token is required.') =>
    new AppError('unauthorized', 401, 'Unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } }),
  forbidden: (detail = 'Your role does not allow this operation.') =>
    new AppError('forbidden', 403, 'Forbidden', detail),
  notFound: (what: string, id: string) =>
    new AppError('not-found', 404, 'Not Found', `${what} ${id} does not exist.`),
  routeNotFound: (method: string, url: string) =>
    new AppError('route-not-found', 404, 'Not Found', `No route ${method} ${url}.`),
  conflict: (detail: string) => new AppError('conflict', 409, 'Conflict', detail),
  payloadTooLarge: (limit: number) =>
    new AppError('payload-too-large', 413, 'Payload Too Large', `The body is larger than ${limit} bytes.`),
  unsupportedMediaType: (type: string) =>
    new AppError(
      'unsupported-media-type',
      415,
      'Unsupported Media Type',
      `Content-Type ${type} is not supported; send application/json.`,
    ),
  unprocessable: (detail: string, fieldErrors: readonly FieldError[] = []) =>
    new AppError('unprocessable', 422, 'Unprocessable Content', detail, { errors: fieldErrors }),
  internal: (cause: unknown) =>
    new AppError('internal', 500, 'Internal Server Error', 'An unexpected error occurred.', { cause }),
  unavailable: (detail: string, cause?: unknown) =>
    new AppError('unavailable', 503, 'Service Unavailable', detail, { cause }),
};

/** RFC 9457 problem details body. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = 'https://arka.example/problems/';

export function toProblem(error: AppError, instance?: string, requestId?: string): Problem {
  return {
    type: `${TYPE_BASE}${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    ...(instance === undefined ? {} : { instance }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(error.extra.errors && error.extra.errors.length > 0 ? { errors: error.extra.errors } : {}),
  };
}
