import { randomBytes, randomUUID } from 'node:crypto';
import type { SqlDatabase } from '@arka/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewRefreshToken } from '../../src/application/ports';
import { createKyselyLoginAttemptRepository } from '../../src/adapters/persistence/kysely-login-attempt-repository';
import { createKyselyRefreshTokenRepository } from '../../src/adapters/persistence/kysely-refresh-token-repository';
import { createKyselyUserRepository } from '../../src/adapters/persistence/kysely-user-repository';
import { migrateGatewayDatabase } from '../../src/adapters/persistence/migrations';
import type { GatewayDb } from '../../src/adapters/persistence/schema';
import type { User } from '../../src/domain/user';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const hash = () => randomBytes(32).toString('hex');

function user(overrides: Partial<User> = {}): User {
  return {
    id: randomUUID(),
    username: `user-${randomBytes(4).toString('hex')}`,
    passwordHash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA',
    role: 'CLIENTE',
    clienteId: 'CLI001',
    createdAt: T0,
    ...overrides,
  };
}

function token(overrides: Partial<NewRefreshToken> = {}): NewRefreshToken {
  return {
    tokenHash: hash(),
    familyId: randomUUID(),
    userId: randomUUID(),
    issuedAt: T0,
    expiresAt: later(3_600_000),
    ...overrides,
  };
}

/** The same cases for every SQL driver the gateway runs on. */
export function gatewayRepositoryContract(
  open: () => Promise<{ database: SqlDatabase<GatewayDb>; dispose: () => Promise<void> }>,
) {
  let opened: Awaited<ReturnType<typeof open>>;
  const users = () => createKyselyUserRepository(opened.database.db);
  const tokens = () => createKyselyRefreshTokenRepository(opened.database.db);
  const attempts = () => createKyselyLoginAttemptRepository(opened.database.db);

  beforeAll(async () => {
    opened = await open();
    await migrateGatewayDatabase(opened.database.db);
    // Migrating twice is a no-op, as every restart does.
    await migrateGatewayDatabase(opened.database.db);
  });
  afterAll(() => opened?.dispose());

  describe('users', () => {
    it('stores a user and finds it by username and by id, bindings included', async () => {
      const supplier = user({ role: 'PROVEEDOR', proveedorId: 'PROV002', clienteId: undefined });
      const { clienteId: _unused, ...expected } = supplier;

      expect(await users().add(supplier)).toBe('created');

      expect(await users().findByUsername(supplier.username)).toEqual(expected);
      expect(await users().findById(supplier.id)).toEqual(expected);
    });

    it('answers username-taken for a second user with the same username', async () => {
      const first = user();
      await users().add(first);

      expect(await users().add(user({ username: first.username }))).toBe('username-taken');
    });

    it('finds nobody for an unknown username', async () => {
      expect(await users().findByUsername('nobody-at-all')).toBeUndefined();
    });
  });

  describe('refresh tokens', () => {
    it('finds a stored token by its hash, with its family and expiry', async () => {
      const first = token();
      await tokens().startFamily(first);

      expect(await tokens().findByHash(first.tokenHash)).toEqual(first);
    });

    it('rotates a token once: the second rotation of the same token fails', async () => {
      const first = token();
      await tokens().startFamily(first);
      const next = token({
        familyId: first.familyId,
        userId: first.userId,
        parentHash: first.tokenHash,
        issuedAt: later(1_000),
      });

      expect(await tokens().rotate(first.tokenHash, next)).toBe(true);
      expect(await tokens().rotate(first.tokenHash, token({ familyId: first.familyId }))).toBe(false);
      expect((await tokens().findByHash(first.tokenHash))?.spentAt).toEqual(later(1_000));
      expect(await tokens().findByHash(next.tokenHash)).toMatchObject({ parentHash: first.tokenHash });
    });

    it('lets exactly one of several concurrent rotations win', async () => {
      const first = token();
      await tokens().startFamily(first);

      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          tokens().rotate(first.tokenHash, token({ familyId: first.familyId })),
        ),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('revokes every token of a family, and only that family', async () => {
      const first = token();
      const other = token();
      await tokens().startFamily(first);
      await tokens().startFamily(other);
      const next = token({ familyId: first.familyId });
      await tokens().rotate(first.tokenHash, next);

      await tokens().revokeFamily(first.familyId, later(5_000));

      expect((await tokens().findByHash(first.tokenHash))?.familyRevokedAt).toEqual(later(5_000));
      expect((await tokens().findByHash(next.tokenHash))?.familyRevokedAt).toEqual(later(5_000));
      expect((await tokens().findByHash(other.tokenHash))?.familyRevokedAt).toBeUndefined();
    });
  });

  describe('login attempts', () => {
    const state = { failures: 2, lastFailureAt: later(1_000), lockedUntil: later(900_000) };

    it('creates the first record only once', async () => {
      expect(await attempts().find('ana')).toBeUndefined();

      expect(await attempts().compareAndSet('ana', undefined, state)).toBe(true);
      expect(await attempts().compareAndSet('ana', undefined, state)).toBe(false);
      expect(await attempts().find('ana')).toEqual({ version: 1, state });
    });

    it('updates only from the version it read', async () => {
      await attempts().compareAndSet('bruno', undefined, { failures: 1, lastFailureAt: T0 });

      expect(await attempts().compareAndSet('bruno', 1, { failures: 2, lastFailureAt: later(1) })).toBe(true);
      expect(await attempts().compareAndSet('bruno', 1, { failures: 9, lastFailureAt: later(2) })).toBe(
        false,
      );
      expect(await attempts().find('bruno')).toEqual({
        version: 2,
        state: { failures: 2, lastFailureAt: later(1) },
      });
    });

    it('forgets a username once cleared', async () => {
      await attempts().compareAndSet('carla', undefined, state);

      await attempts().clear('carla');

      expect(await attempts().find('carla')).toBeUndefined();
    });

    it('forgets the records whose last failure and lock ended before the cutoff, and only those', async () => {
      // Prepare
      await attempts().compareAndSet('old', undefined, { failures: 2, lastFailureAt: T0 });
      await attempts().compareAndSet('old-lock', undefined, {
        failures: 5,
        lastFailureAt: T0,
        lockedUntil: later(60_000),
      });
      await attempts().compareAndSet('still-locked', undefined, {
        failures: 5,
        lastFailureAt: T0,
        lockedUntil: later(3_600_000),
      });
      await attempts().compareAndSet('recent', undefined, { failures: 1, lastFailureAt: later(7_200_000) });

      // Act
      const forgotten = await attempts().forgetBefore(later(3_000_000));

      // Assess (earlier tests' records, older still, may go too)
      expect(forgotten).toBeGreaterThanOrEqual(2);
      expect(await attempts().forgetBefore(later(3_000_000))).toBe(0);
      expect(await attempts().find('old')).toBeUndefined();
      expect(await attempts().find('old-lock')).toBeUndefined();
      expect(await attempts().find('still-locked')).toBeDefined();
      expect(await attempts().find('recent')).toBeDefined();
    });
  });
}
