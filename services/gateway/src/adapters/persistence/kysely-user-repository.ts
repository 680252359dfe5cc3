import { ROLES } from '@arka/kernel';
import { isUniqueViolation } from '@arka/sql';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { UserRepository } from '../../application/ports';
import type { User } from '../../domain/user';
import type { GatewayDb, UserRow } from './schema';

// What comes back from the store is checked like any other input.
const roleSchema = z.enum(ROLES);

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: roleSchema.parse(row.role),
    ...(row.cliente_id ? { clienteId: row.cliente_id } : {}),
    ...(row.proveedor_id ? { proveedorId: row.proveedor_id } : {}),
    createdAt: new Date(row.created_at),
  };
}

export function createKyselyUserRepository(db: Kysely<GatewayDb>): UserRepository {
  return {
    async findByUsername(username) {
      const row = await db
        .selectFrom('gateway_users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('gateway_users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async add(user) {
      try {
        await db
          .insertInto('gateway_users')
          .values({
            id: user.id,
            username: user.username,
            password_hash: user.passwordHash,
            role: user.role,
            cliente_id: user.clienteId ?? null,
            proveedor_id: user.proveedorId ?? null,
            created_at: user.createdAt.toISOString(),
          })
          .execute();
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'username-taken';
        throw error;
      }
    },
  };
}
