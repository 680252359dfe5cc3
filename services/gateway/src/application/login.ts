import {
  decideLoginAttempt,
  FRESH_THROTTLE_STATE,
  stateAfterFailure,
  type LoginThrottlePolicy,
} from '../domain/login-throttle';
import { normalizeUsername } from '../domain/user';
import type {
  Clock,
  LoginAttemptRepository,
  PasswordHasher,
  RefreshTokenRepository,
  UserRepository,
} from './ports';
import { issuePair, type TokenIssuing, type TokenPair } from './token-pair';

export type LoginResult =
  | { readonly kind: 'issued'; readonly tokens: TokenPair }
  | { readonly kind: 'invalid-credentials' }
  | {
      readonly kind: 'throttled';
      readonly reason: 'throttled' | 'locked';
      readonly retryAfterSeconds: number;
    };

export interface LoginDeps extends TokenIssuing {
  readonly users: UserRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly attempts: LoginAttemptRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly throttle: LoginThrottlePolicy;
}

export type Login = (credentials: { username: string; password: string }) => Promise<LoginResult>;

export function createLogin(deps: LoginDeps): Login {
  // Unknown usernames still pay for one hash check, so timing does not tell which exist.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= deps.hasher.hash('arka-no-such-user-password'));

  return async ({ username: given, password }) => {
    const username = normalizeUsername(given);
    const now = deps.clock();
    const stored = await deps.attempts.find(username);
    const state = stored?.state ?? FRESH_THROTTLE_STATE;
    const decision = decideLoginAttempt(deps.throttle, state, now);
    if (!decision.allowed)
      return { kind: 'throttled', reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds };

    // Count the attempt as failed before checking it: a parallel burst of guesses
    // loses the compare-and-set instead of each getting a free try.
    const claimed = await deps.attempts.compareAndSet(
      username,
      stored?.version,
      stateAfterFailure(deps.throttle, state, now),
    );
    if (!claimed) return { kind: 'throttled', reason: 'throttled', retryAfterSeconds: 1 };

    const user = await deps.users.findByUsername(username);
    if (!user) {
      await deps.hasher.verify(await dummy(), password);
      return { kind: 'invalid-credentials' };
    }
    if (!(await deps.hasher.verify(user.passwordHash, password))) return { kind: 'invalid-credentials' };

    await deps.attempts.clear(username);
    const { pair, stored: first } = await issuePair(deps, user, now);
    await deps.refreshTokens.startFamily(first);
    return { kind: 'issued', tokens: pair };
  };
}
