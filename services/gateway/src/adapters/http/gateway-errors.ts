import { AppError } from '@arka/kernel';

/**
 * The gateway's own problem codes, beside the kernel's: each becomes the problem
 * `type` (https://arka.example/problems/<code>) and is part of the public contract.
 */
export const gatewayErrors = {
  malformedPath: () =>
    new AppError(
      'malformed-path',
      400,
      'Bad Request',
      'The URL may not contain ".." segments or malformed percent-encoding.',
    ),
  invalidCredentials: () =>
    new AppError('invalid-credentials', 401, 'Unauthorized', 'The username or password is not correct.'),
  invalidRefreshToken: () =>
    new AppError(
      'invalid-refresh-token',
      401,
      'Unauthorized',
      'The refresh token is not valid; log in again.',
    ),
  loginThrottled: (retryAfterSeconds: number, locked: boolean) =>
    new AppError(
      locked ? 'login-locked' : 'login-throttled',
      429,
      'Too Many Requests',
      locked
        ? `Too many failed logins: this username is locked for ${retryAfterSeconds} s.`
        : `Too many failed logins: wait ${retryAfterSeconds} s before the next attempt.`,
      { headers: { 'retry-after': String(retryAfterSeconds) } },
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(
      'rate-limited',
      429,
      'Too Many Requests',
      `Request limit reached; retry in ${retryAfterSeconds} s.`,
      { headers: { 'retry-after': String(retryAfterSeconds) } },
    ),
  upstreamTimeout: (upstream: string, cause: unknown) =>
    new AppError(
      'upstream-timeout',
      504,
      'Gateway Timeout',
      `The ${upstream} service did not answer in time.`,
      {
        cause,
      },
    ),
  upstreamUnreachable: (upstream: string, cause: unknown) =>
    new AppError(
      'upstream-unreachable',
      502,
      'Bad Gateway',
      `The ${upstream} service could not be reached.`,
      {
        cause,
      },
    ),
  circuitOpen: (upstream: string, retryAfterSeconds: number) =>
    new AppError(
      'circuit-open',
      503,
      'Service Unavailable',
      `The ${upstream} service is failing; requests are held back for a while.`,
      { headers: { 'retry-after': String(retryAfterSeconds) } },
    ),
};
