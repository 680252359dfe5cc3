import type { Kysely } from 'kysely';
import type { NewRefreshToken, RefreshTokenRepository } from '../../application/ports';
import { iso, optionalDate, type GatewayDb, type RefreshTokenRow } from './schema';

function toRow(token: NewRefreshToken): RefreshTokenRow {
  return {
    token_hash: token.tokenHash,
    family_id: token.familyId,
    user_id: token.userId,
    parent_hash: token.parentHash ?? null,
    issued_at: iso(token.issuedAt),
    expires_at: iso(token.expiresAt),
    spent_at: null,
  };
}

export function createKyselyRefreshTokenRepository(db: Kysely<GatewayDb>): RefreshTokenRepository {
  return {
    async startFamily(first) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('gateway_refresh_families')
          .values({
            id: first.familyId,
            user_id: first.userId,
            created_at: iso(first.issuedAt),
            revoked_at: null,
          })
          .execute();
        await trx.insertInto('gateway_refresh_tokens').values(toRow(first)).execute();
      });
    },

    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('gateway_refresh_tokens as t')
        .innerJoin('gateway_refresh_families as f', 'f.id', 't.family_id')
        .selectAll('t')
        .select('f.revoked_at')
        .where('t.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const spentAt = optionalDate(row.spent_at);
      const familyRevokedAt = optionalDate(row.revoked_at);
      return {
        tokenHash: row.token_hash,
        familyId: row.family_id,
        userId: row.user_id,
        ...(row.parent_hash ? { parentHash: row.parent_hash } : {}),
        issuedAt: new Date(row.issued_at),
        expiresAt: new Date(row.expires_at),
        ...(spentAt ? { spentAt } : {}),
        ...(familyRevokedAt ? { familyRevokedAt } : {}),
      };
    },

    async rotate(tokenHash, successor) {
      return db.transaction().execute(async (trx) => {
        // The conditional update is the lock: only one rotation finds the token unspent.
        const spent = await trx
          .updateTable('gateway_refresh_tokens')
          .set({ spent_at: iso(successor.issuedAt) })
          .where('token_hash', '=', tokenHash)
          .where('spent_at', 'is', null)
          .executeTakeFirst();
        if (Number(spent.numUpdatedRows) !== 1) return false;
        await trx.insertInto('gateway_refresh_tokens').values(toRow(successor)).execute();
        return true;
      });
    },

    async revokeFamily(familyId, at) {
      await db
        .updateTable('gateway_refresh_families')
        .set({ revoked_at: iso(at) })
        .where('id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
