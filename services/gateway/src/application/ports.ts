import type { Principal } from '@arka/kernel';
import type { LoginThrottleState } from '../domain/login-throttle';
import type { StoredRefreshToken } from '../domain/refresh-token';
import type { User } from '../domain/user';

export type Clock = () => Date;

export interface UserRepository {
  /** `username` is already normalised. */
  findByUsername(username: string): Promise<User | undefined>;
  findById(id: string): Promise<User | undefined>;
  add(user: User): Promise<'created' | 'username-taken'>;
}

export interface NewRefreshToken {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly userId: string;
  readonly parentHash?: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

export interface RefreshTokenRepository {
  /** Opens a family (one per login) with its first token. */
  startFamily(first: NewRefreshToken): Promise<void>;
  findByHash(tokenHash: string): Promise<StoredRefreshToken | undefined>;
  /**
   * Spends `tokenHash` and stores `successor`, atomically and only when the token was
   * still unspent: of two concurrent rotations of one token exactly one returns true.
   */
  rotate(tokenHash: string, successor: NewRefreshToken): Promise<boolean>;
  /** Every token of the family stops working, spent or not. */
  revokeFamily(familyId: string, at: Date): Promise<void>;
}

export interface StoredLoginThrottle {
  readonly state: LoginThrottleState;
  /** Bumped on each write, for compare-and-set. */
  readonly version: number;
}

export interface LoginAttemptRepository {
  find(username: string): Promise<StoredLoginThrottle | undefined>;
  /**
   * Writes `next` when the stored version is still `expectedVersion` (undefined: no
   * row yet). False when a concurrent attempt wrote first.
   */
  compareAndSet(
    username: string,
    expectedVersion: number | undefined,
    next: StoredLoginThrottle['state'],
  ): Promise<boolean>;
  clear(username: string): Promise<void>;
  /**
   * Deletes the records whose last failure and lock both ended before `cutoff`:
   * anyone may try any username, so without this the table only grows. Returns how
   * many went.
   */
  forgetBefore(cutoff: Date): Promise<number>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Issues access tokens (the kernel's signer fits). */
export interface AccessTokenIssuer {
  readonly ttlSeconds: number;
  sign(principal: Principal, now: Date): Promise<string>;
}

/** Makes opaque refresh token values and the digest they are stored under. */
export interface RefreshTokenCodec {
  generate(): string;
  /** Undefined when the value cannot be one of ours (wrong shape), so no lookup is needed. */
  digest(token: string): string | undefined;
}
