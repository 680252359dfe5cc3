import { registerConsole } from '@arka/console';
import cors from '@fastify/cors';
import {
  authorize,
  cachedTokenVerifier,
  createAccessTokenSigner,
  createAccessTokenVerifier,
  createHttpApp,
  type HttpApp,
  type Logger,
} from '@arka/kernel';
import { createLogin } from './application/login';
import { createLogout } from './application/logout';
import { createRefresh } from './application/refresh';
import type {
  Clock,
  LoginAttemptRepository,
  PasswordHasher,
  RefreshTokenRepository,
  UserRepository,
} from './application/ports';
import { registerAuthRoutes } from './adapters/http/auth.routes';
import { registerAggregatedDocs } from './adapters/http/docs';
import { registerRateLimit } from './adapters/http/rate-limit';
import { registerSecurityHeaders } from './adapters/http/security-headers';
import { checkUpstreams } from './adapters/http/upstream-health';
import { registerUpstreamProxy, type Upstream, type UpstreamSettings } from './adapters/http/upstream-proxy';
import { createOpaqueRefreshTokenCodec } from './adapters/security/opaque-refresh-token-codec';
import type { GatewayConfig } from './config';

export interface GatewayDeps {
  readonly logger: Logger;
  /** Resolved by the composition root (resolveJwtSecret). */
  readonly jwtSecret: string;
  readonly database: { ping(): Promise<unknown> };
  readonly users: UserRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly loginAttempts: LoginAttemptRepository;
  readonly hasher: PasswordHasher;
  /** @default the system clock */
  readonly clock?: Clock;
}

const AUX_TIMEOUT_MS = 1_500;

function upstreamSettings(config: GatewayConfig): UpstreamSettings[] {
  const breaker = {
    errorThresholdPercentage: config.BREAKER_ERROR_THRESHOLD_PERCENT,
    volumeThreshold: config.BREAKER_VOLUME_THRESHOLD,
    rollingWindowMs: config.BREAKER_ROLLING_WINDOW_MS,
    resetTimeoutMs: config.BREAKER_RESET_TIMEOUT_MS,
  };
  const timeoutMs = config.UPSTREAM_TIMEOUT_MS;
  return [
    { name: 'cotizador', prefix: '/api/v1/cotizador', url: config.COTIZADOR_URL, timeoutMs, breaker },
    {
      name: 'gestor-solicitudes',
      prefix: '/api/v1/gestor-solicitudes',
      url: config.GESTOR_SOLICITUDES_URL,
      timeoutMs,
      breaker,
    },
  ];
}

/** Builds the gateway without listening: tests call `inject()` on it. */
export async function buildGatewayApp(config: GatewayConfig, deps: GatewayDeps): Promise<HttpApp> {
  const clock = deps.clock ?? (() => new Date());
  const jwt = { secret: deps.jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
  // One cache for the rate limit's key and the guard, which both verify each proxied request's token.
  const verifier = cachedTokenVerifier(createAccessTokenVerifier(jwt));
  const issuing = {
    accessTokens: createAccessTokenSigner(jwt),
    refreshCodec: createOpaqueRefreshTokenCodec(),
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
  };
  const throttle = {
    freeFailures: config.LOGIN_FREE_FAILURES,
    baseDelayMs: 1_000,
    lockAfterFailures: config.LOGIN_LOCK_AFTER_FAILURES,
    lockMs: config.LOGIN_LOCK_SECONDS * 1_000,
  };

  const settings = upstreamSettings(config);
  const upstreams: Upstream[] = [];
  const app = await createHttpApp({
    logger: deps.logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    ...(config.TRUSTED_PROXY_CIDRS.length > 0
      ? { trustedProxies: { cidrs: config.TRUSTED_PROXY_CIDRS, hops: config.TRUSTED_PROXY_HOPS } }
      : {}),
    openapi: { title: 'Arka gateway', description: 'Login and routing', version: '1.0.0' },
    docs: false,
    readiness: {
      database: () => deps.database.ping(),
      upstreams: () => checkUpstreams(upstreams, AUX_TIMEOUT_MS)(),
    },
  });

  // The gateway may run on plain HTTP locally: upgrading the docs page's requests would break it.
  registerSecurityHeaders(app, { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  if (config.CORS_ORIGINS.length > 0) {
    await app.register(cors, {
      origin: [...config.CORS_ORIGINS],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  } else {
    // No origin allowed: @fastify/cors would still run a hook on every request to add
    // nothing. Its preflight route stays, answering 404 as it does when CORS is off.
    app.options('*', { schema: { hide: true } }, (_request, reply) => reply.callNotFound());
  }
  await registerRateLimit(app, {
    max: config.RATE_LIMIT_MAX,
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    verifier,
  });
  await registerAggregatedDocs(app, {
    sources: settings,
    cacheMs: config.DOCS_CACHE_MS,
    timeoutMs: AUX_TIMEOUT_MS,
  });

  registerAuthRoutes(app, {
    login: createLogin({
      ...issuing,
      users: deps.users,
      refreshTokens: deps.refreshTokens,
      attempts: deps.loginAttempts,
      hasher: deps.hasher,
      clock,
      throttle,
    }),
    refresh: createRefresh({ ...issuing, users: deps.users, refreshTokens: deps.refreshTokens, clock }),
    logout: createLogout({ refreshTokens: deps.refreshTokens, refreshCodec: issuing.refreshCodec, clock }),
  });

  const guard = authorize(verifier);
  for (const upstream of settings) {
    upstreams.push(await registerUpstreamProxy(app, upstream, { guard, bodyLimit: config.BODY_LIMIT_BYTES }));
  }
  // The console is public static files; the API it calls is what the tokens guard.
  if (config.CONSOLE_DIR !== undefined) await registerConsole(app, { root: config.CONSOLE_DIR });
  return app;
}
