import { parseArgs } from 'node:util';
import { commonConfigSchema, ConfigError, parseConfig, ROLES, type Role } from '@arka/kernel';
import { openDatabase, sqlConfigSchema, sqlTarget } from '@arka/sql';
import { z } from 'zod';
import { createCreateUser } from '../application/create-user';
import { createKyselyUserRepository } from '../adapters/persistence/kysely-user-repository';
import { migrateGatewayDatabase } from '../adapters/persistence/migrations';
import type { GatewayDb } from '../adapters/persistence/schema';
import { createArgon2PasswordHasher } from '../adapters/security/argon2-password-hasher';
import { EMBEDDED_DATABASE_FILE } from '../gateway';

const cliConfigSchema = commonConfigSchema
  .pick({ ARKA_DATA_DIR: true })
  .extend(sqlConfigSchema.shape)
  .extend({ ARKA_NEW_USER_PASSWORD: z.string().optional() });

export const USAGE =
  'usage: users create --username U --role ROLE [--cliente CLI001] [--proveedor PROV001]\n' +
  '  the password is read from stdin (or ARKA_NEW_USER_PASSWORD), never from the command line\n' +
  `  roles: ${ROLES.join(', ')}`;

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The password piped in; undefined when stdin is a terminal. */
  readonly readStdin: () => Promise<string | undefined>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Exit codes: 0 created, 1 configuration, 2 usage or invalid user, 3 username taken. */
export async function runUsersCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        cliente: { type: 'string' },
        proveedor: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const role = ROLES.find((r) => r === values.role?.toUpperCase());
  if (positionals[0] !== 'create' || positionals.length !== 1 || !values.username || !role) {
    io.err(USAGE);
    return 2;
  }

  let config;
  try {
    config = parseConfig(cliConfigSchema, io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 1;
  }
  const password = (config.ARKA_NEW_USER_PASSWORD ?? (await io.readStdin()))?.replace(/\r?\n$/, '');
  if (password === undefined) {
    io.err('No password: pipe it on stdin or set ARKA_NEW_USER_PASSWORD.');
    return 2;
  }

  const database = openDatabase<GatewayDb>(
    sqlTarget(config, { dataDir: config.ARKA_DATA_DIR, fileName: EMBEDDED_DATABASE_FILE }),
  );
  try {
    await migrateGatewayDatabase(database.db);
    const createUser = createCreateUser({
      users: createKyselyUserRepository(database.db),
      hasher: createArgon2PasswordHasher(),
      clock: () => new Date(),
    });
    const result = await createUser({
      username: values.username,
      role: role satisfies Role,
      ...(values.cliente ? { clienteId: values.cliente } : {}),
      ...(values.proveedor ? { proveedorId: values.proveedor } : {}),
      password,
    });
    if (result.kind === 'invalid') {
      io.err(`User not created:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
      return 2;
    }
    if (result.kind === 'username-taken') {
      io.err(`User not created: ${values.username} already exists.`);
      return 3;
    }
    io.out(`Created ${result.user.username} (${result.user.role}).`);
    return 0;
  } finally {
    await database.close();
  }
}
