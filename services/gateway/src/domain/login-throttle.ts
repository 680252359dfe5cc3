/**
 * How repeated failed logins for one username are slowed, then locked. Pure: the
 * state and the time come in, a decision goes out. Unknown usernames are counted
 * the same way, so the answers never reveal which accounts exist.
 */
export interface LoginThrottlePolicy {
  /** Consecutive failures answered without delay. */
  readonly freeFailures: number;
  /** Wait after the first throttled failure; doubles with each further one. */
  readonly baseDelayMs: number;
  /** Consecutive failures that lock the username. */
  readonly lockAfterFailures: number;
  readonly lockMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = Object.freeze({
  freeFailures: 3,
  baseDelayMs: 1_000,
  lockAfterFailures: 5,
  lockMs: 15 * 60 * 1_000,
});

export interface LoginThrottleState {
  readonly failures: number;
  readonly lastFailureAt?: Date;
  readonly lockedUntil?: Date;
}

export const FRESH_THROTTLE_STATE: LoginThrottleState = Object.freeze({ failures: 0 });

export type LoginThrottleDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'throttled' | 'locked'; readonly retryAfterSeconds: number };

function secondsUntil(until: number, now: Date): number {
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** A lock that ran out starts the count again. */
export function currentState(state: LoginThrottleState, now: Date): LoginThrottleState {
  if (state.lockedUntil && state.lockedUntil.getTime() <= now.getTime()) return FRESH_THROTTLE_STATE;
  return state;
}

export function decideLoginAttempt(
  policy: LoginThrottlePolicy,
  stored: LoginThrottleState,
  now: Date,
): LoginThrottleDecision {
  const state = currentState(stored, now);
  if (state.lockedUntil) {
    return {
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: secondsUntil(state.lockedUntil.getTime(), now),
    };
  }
  if (state.failures >= policy.freeFailures && state.lastFailureAt) {
    const delay = policy.baseDelayMs * 2 ** (state.failures - policy.freeFailures);
    const notBefore = state.lastFailureAt.getTime() + delay;
    if (now.getTime() < notBefore) {
      return { allowed: false, reason: 'throttled', retryAfterSeconds: secondsUntil(notBefore, now) };
    }
  }
  return { allowed: true };
}

/**
 * The state while an allowed attempt is checked: counted as a failure until the
 * password proves right, so parallel guesses cannot slip past the count.
 */
export function stateAfterFailure(
  policy: LoginThrottlePolicy,
  stored: LoginThrottleState,
  now: Date,
): LoginThrottleState {
  const failures = currentState(stored, now).failures + 1;
  return {
    failures,
    lastFailureAt: now,
    ...(failures >= policy.lockAfterFailures ? { lockedUntil: new Date(now.getTime() + policy.lockMs) } : {}),
  };
}
