import { createLogger, parseConfig, type HttpApp } from '@arka/kernel';
import { openDatabase } from '@arka/sql';
import { createCreateUser, type CreateUser } from '../../src/application/create-user';
import { createKyselyLoginAttemptRepository } from '../../src/adapters/persistence/kysely-login-attempt-repository';
import { createKyselyRefreshTokenRepository } from '../../src/adapters/persistence/kysely-refresh-token-repository';
import { createKyselyUserRepository } from '../../src/adapters/persistence/kysely-user-repository';
import { migrateGatewayDatabase } from '../../src/adapters/persistence/migrations';
import type { GatewayDb } from '../../src/adapters/persistence/schema';
import { createArgon2PasswordHasher } from '../../src/adapters/security/argon2-password-hasher';
import { buildGatewayApp } from '../../src/app';
import { gatewayConfigSchema, type GatewayConfig } from '../../src/config';

export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-bytes!!';
export const TEST_PASSWORD = 'correct horse battery';
/** Cheap argon2id parameters: a suite of logins in well under a second. */
export const cheapHasher = createArgon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });

export function testConfig(env: Record<string, string> = {}): GatewayConfig {
  return parseConfig(gatewayConfigSchema, {
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_SECRET,
    // Nothing listens on port 9: upstreams are named by each test that needs them.
    COTIZADOR_URL: 'http://127.0.0.1:9',
    GESTOR_SOLICITUDES_URL: 'http://127.0.0.1:9',
    DOCS_CACHE_MS: '0',
    ...env,
  });
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-03-01T10:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface TestGateway {
  readonly app: HttpApp;
  readonly createUser: CreateUser;
  close(): Promise<void>;
}

/** The gateway app on an in-memory SQLite database; users are created by the test. */
export async function buildTestGateway(
  options: { env?: Record<string, string>; clock?: () => Date } = {},
): Promise<TestGateway> {
  const database = openDatabase<GatewayDb>({ driver: 'sqlite', file: ':memory:' });
  await migrateGatewayDatabase(database.db);
  const clock = options.clock ?? (() => new Date());
  const users = createKyselyUserRepository(database.db);
  const app = await buildGatewayApp(testConfig(options.env), {
    logger: createLogger({ service: 'gateway-test', level: 'silent' }),
    jwtSecret: TEST_SECRET,
    database,
    users,
    refreshTokens: createKyselyRefreshTokenRepository(database.db),
    loginAttempts: createKyselyLoginAttemptRepository(database.db),
    hasher: cheapHasher,
    clock,
  });
  return {
    app,
    createUser: createCreateUser({ users, hasher: cheapHasher, clock }),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function addUser(
  gateway: TestGateway,
  user: {
    username: string;
    role: 'ADMIN' | 'VENTAS' | 'COMPRAS' | 'CLIENTE' | 'PROVEEDOR';
    clienteId?: string;
    proveedorId?: string;
  },
): Promise<void> {
  const result = await gateway.createUser({ ...user, password: TEST_PASSWORD });
  if (result.kind !== 'created') throw new Error(`test user ${user.username} not created: ${result.kind}`);
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export async function login(app: HttpApp, username: string, password = TEST_PASSWORD): Promise<Tokens> {
  const response = await app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const body: unknown = response.json();
  const { accessToken, refreshToken } = body as Tokens;
  return { accessToken, refreshToken };
}
