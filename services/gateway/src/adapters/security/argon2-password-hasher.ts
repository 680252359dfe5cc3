import argon2, { type HashOptions } from 'argon2';
import type { PasswordHasher } from '../../application/ports';

export interface Argon2Cost {
  /** KiB. @default 19456 (19 MiB, OWASP's argon2id minimum) */
  readonly memoryCost?: number;
  /** @default 2 */
  readonly timeCost?: number;
}

/** argon2id; tests pass a tiny cost so a suite of logins stays fast. */
export function createArgon2PasswordHasher(cost: Argon2Cost = {}): PasswordHasher {
  const options: HashOptions = {
    type: argon2.argon2id,
    memoryCost: cost.memoryCost ?? 19_456,
    timeCost: cost.timeCost ?? 2,
    parallelism: 1,
  };
  return {
    hash: (password) => argon2.hash(password, options),
    verify: (hash, password) => argon2.verify(hash, password),
  };
}
