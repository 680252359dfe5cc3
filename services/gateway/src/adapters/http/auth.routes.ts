import { problemSchema, type ZodApp } from '@arka/kernel';
import { z } from 'zod';
import type { Login } from '../../application/login';
import type { Logout } from '../../application/logout';
import type { Refresh } from '../../application/refresh';
import { gatewayErrors } from './gateway-errors';

const tokenPairSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds the access token lives'),
  })
  .meta({ id: 'TokenPair' });

const loginBody = z
  .object({
    username: z.string().min(1).max(128).optional(),
    identifier: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('Accepted for username, as the Java clients send it'),
    password: z.string().min(1).max(1024),
  })
  .refine((body) => body.username !== undefined || body.identifier !== undefined, {
    path: ['username'],
    message: 'username (or identifier) is required',
  });

const refreshBody = z.object({ refreshToken: z.string().min(1).max(512) });

const errorsOf = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, problemSchema]));

export interface AuthUseCases {
  readonly login: Login;
  readonly refresh: Refresh;
  readonly logout: Logout;
}

export function registerAuthRoutes(app: ZodApp, useCases: AuthUseCases): void {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in: an access token and a refresh token',
        description:
          'After 3 consecutive failures for one username each attempt waits longer (429, Retry-After); after 5 the username is locked for 15 minutes (429, problem type login-locked).',
        body: loginBody,
        response: { 200: tokenPairSchema, ...errorsOf(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { username, identifier, password } = request.body;
      const result = await useCases.login({ username: username ?? identifier ?? '', password });
      if (result.kind === 'invalid-credentials') throw gatewayErrors.invalidCredentials();
      if (result.kind === 'throttled') {
        throw gatewayErrors.loginThrottled(result.retryAfterSeconds, result.reason === 'locked');
      }
      return reply.header('cache-control', 'no-store').send(result.tokens);
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair; the old one is spent',
        description: 'Presenting a spent refresh token revokes its whole family (reuse detection).',
        body: refreshBody,
        response: { 200: tokenPairSchema, ...errorsOf(400, 401) },
      },
    },
    async (request, reply) => {
      const result = await useCases.refresh(request.body.refreshToken);
      if (result.kind === 'rejected') {
        request.log.info({ reason: result.reason }, 'refresh token rejected');
        throw gatewayErrors.invalidRefreshToken();
      }
      return reply.header('cache-control', 'no-store').send(result.tokens);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log out: the refresh token and every token of its family stop working',
        body: refreshBody,
        response: { 204: z.null().describe('Logged out'), ...errorsOf(400) },
      },
    },
    async (request, reply) => {
      await useCases.logout(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
}
