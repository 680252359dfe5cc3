export { ConfigError, env, loadConfigOrExit, parseConfig } from './config';
export { createLogger, loggerOptions, type Logger, type LoggerSettings } from './logger';
export { AppError, errors, PROBLEM_CONTENT_TYPE, toProblem, type FieldError, type Problem } from './errors';
export { createHttpApp, DEFAULT_BODY_LIMIT, type HttpApp, type HttpAppOptions } from './http/app';
export { problemSchema, paginationQuery, page, type Page } from './http/schemas';
export { serve, type ServeOptions } from './http/serve';
export { installJsonTextParser, type EmptyJsonBody } from './http/json-body';
export type { HealthCheck } from './http/health';
export type { ZodApp } from './http/types';
export { REQUEST_ID_HEADER } from './http/request-id';
export { trustFunction, type TrustedProxies } from './http/trusted-proxies';
export { ROLES, clienteScope, hasAnyRole, proveedorScope, type Principal, type Role } from './auth/principal';
export {
  ACCESS_TOKEN_TTL_SECONDS,
  ACCESS_TOKEN_TYPE,
  MIN_SECRET_BYTES,
  createAccessTokenSigner,
  createAccessTokenVerifier,
  type AccessTokenVerifier,
  type JwtSettings,
} from './auth/jwt';
export { resolveJwtSecret } from './auth/jwt-secret';
export { authorize, principalOf } from './auth/guards';
export { cachedTokenVerifier, type TokenCacheOptions } from './auth/cached-token-verifier';
export { MAX_JSON_CENTS, money, type Cents } from './money';
export { commonConfigSchema, jwtConfigSchema, type CommonConfig } from './common-config';
export { scheduleThisThreadIdle, type IdleScheduling } from './thread-scheduling';
