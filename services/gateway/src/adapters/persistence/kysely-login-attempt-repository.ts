import { isUniqueViolation } from '@arka/sql';
import type { Kysely } from 'kysely';
import type { LoginAttemptRepository } from '../../application/ports';
import type { LoginThrottleState } from '../../domain/login-throttle';
import { iso, optionalDate, type GatewayDb } from './schema';

function columns(state: LoginThrottleState) {
  return {
    failures: state.failures,
    last_failure_at: state.lastFailureAt ? iso(state.lastFailureAt) : null,
    locked_until: state.lockedUntil ? iso(state.lockedUntil) : null,
  };
}

export function createKyselyLoginAttemptRepository(db: Kysely<GatewayDb>): LoginAttemptRepository {
  return {
    async find(username) {
      const row = await db
        .selectFrom('gateway_login_attempts')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      if (!row) return undefined;
      const lastFailureAt = optionalDate(row.last_failure_at);
      const lockedUntil = optionalDate(row.locked_until);
      return {
        version: Number(row.version),
        state: {
          failures: Number(row.failures),
          ...(lastFailureAt ? { lastFailureAt } : {}),
          ...(lockedUntil ? { lockedUntil } : {}),
        },
      };
    },

    async compareAndSet(username, expectedVersion, next) {
      if (expectedVersion === undefined) {
        try {
          await db
            .insertInto('gateway_login_attempts')
            .values({ username, version: 1, ...columns(next) })
            .execute();
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      }
      const result = await db
        .updateTable('gateway_login_attempts')
        .set({ version: expectedVersion + 1, ...columns(next) })
        .where('username', '=', username)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async clear(username) {
      await db.deleteFrom('gateway_login_attempts').where('username', '=', username).execute();
    },

    async forgetBefore(cutoff) {
      // ISO-8601 UTC strings of one format compare as their instants do.
      const before = iso(cutoff);
      const result = await db
        .deleteFrom('gateway_login_attempts')
        .where((eb) =>
          eb.and([
            eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', before)]),
            eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
