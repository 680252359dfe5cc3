import { randomBytes } from 'node:crypto';
import { createLogger, parseConfig, resolveJwtSecret, type HttpApp, type Logger } from '@arka/kernel';
import { openDatabase, sqlTarget } from '@arka/sql';
import { createCreateUser } from './application/create-user';
import { seedDemoUsers } from './application/seed-demo-users';
import { createKyselyLoginAttemptRepository } from './adapters/persistence/kysely-login-attempt-repository';
import { forgetLoginAttemptsPeriodically } from './application/forget-login-attempts';
import { createKyselyRefreshTokenRepository } from './adapters/persistence/kysely-refresh-token-repository';
import { createKyselyUserRepository } from './adapters/persistence/kysely-user-repository';
import { migrateGatewayDatabase } from './adapters/persistence/migrations';
import type { GatewayDb } from './adapters/persistence/schema';
import { createArgon2PasswordHasher } from './adapters/security/argon2-password-hasher';
import { buildGatewayApp } from './app';
import { gatewayConfigSchema, isEmbedded, type GatewayConfig } from './config';

export interface Gateway {
  readonly app: HttpApp;
  /** Releases the database after the app stopped. */
  readonly close: () => Promise<void>;
}

export interface GatewayOptions {
  readonly logger?: Logger;
  /** Where the demo password announcement goes besides the log. @default stdout */
  readonly print?: (line: string) => void;
}

/** The SQLite file of the embedded mode, beside the other services' files. */
export const EMBEDDED_DATABASE_FILE = 'gateway.sqlite';

async function announceDemoUsers(
  createUser: Parameters<typeof seedDemoUsers>[0],
  config: GatewayConfig,
  logger: Logger,
  print: (line: string) => void,
) {
  const given = config.ARKA_DEMO_PASSWORD;
  const password = given ?? randomBytes(18).toString('base64url');
  const report = await seedDemoUsers(createUser, password);
  const names = [...report.created, ...report.existing].join(', ');
  const line =
    report.created.length === 0
      ? `Demo users ${names} already exist; their password is unchanged since they were created.`
      : given
        ? `Demo users ${report.created.join(', ')} created with the password in ARKA_DEMO_PASSWORD.`
        : `Demo users ${report.created.join(', ')} created with the password: ${password}`;
  logger.info({ demoUsers: report }, line);
  print(line);
}

/**
 * Opens the database, migrates it, seeds the demo users in the embedded mode and
 * builds the app. Throws ConfigError when the JWT secret is missing or short.
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const embedded = isEmbedded(config);
  const jwtSecret = resolveJwtSecret({ given: config.JWT_SECRET, embedded, dataDir: config.ARKA_DATA_DIR });
  const database = openDatabase<GatewayDb>(
    sqlTarget(config, { dataDir: config.ARKA_DATA_DIR, fileName: EMBEDDED_DATABASE_FILE }),
  );
  try {
    await migrateGatewayDatabase(database.db);
    const users = createKyselyUserRepository(database.db);
    const hasher = createArgon2PasswordHasher();
    if (embedded) {
      const createUser = createCreateUser({ users, hasher, clock: () => new Date() });
      await announceDemoUsers(
        createUser,
        config,
        logger,
        options.print ?? ((line) => process.stdout.write(`${line}\n`)),
      );
    }
    const loginAttempts = createKyselyLoginAttemptRepository(database.db);
    const app = await buildGatewayApp(config, {
      logger,
      jwtSecret,
      database,
      users,
      refreshTokens: createKyselyRefreshTokenRepository(database.db),
      loginAttempts,
      hasher,
    });
    const forgetting = forgetLoginAttemptsPeriodically(loginAttempts, { logger });
    return {
      app,
      close: async () => {
        await forgetting.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Starts the gateway in this process (the local supervisor and benchmarks): parses
 * `env`, listens on HOST:PORT (PORT=0 picks a free port) and returns how to stop it.
 * Installs no signal handlers; main.ts does that.
 */
export async function startGateway(
  env: Readonly<Record<string, string | undefined>>,
  options: GatewayOptions = {},
): Promise<{ app: HttpApp; address: string; close: () => Promise<void> }> {
  const config = parseConfig(gatewayConfigSchema, env);
  const gateway = await createGateway(config, options);
  try {
    const address = await gateway.app.listen({ host: config.HOST, port: config.PORT });
    return {
      app: gateway.app,
      address,
      close: async () => {
        await gateway.app.close();
        await gateway.close();
      },
    };
  } catch (error) {
    await gateway.app.close();
    await gateway.close();
    throw error;
  }
}
