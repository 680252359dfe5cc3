import { describe, expect, it } from 'vitest';
import {
  decideLoginAttempt,
  DEFAULT_LOGIN_THROTTLE as policy,
  FRESH_THROTTLE_STATE,
  stateAfterFailure,
  type LoginThrottleState,
} from '../../src/domain/login-throttle';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function failures(count: number, gapMs = 0): LoginThrottleState {
  let state = FRESH_THROTTLE_STATE;
  for (let i = 0; i < count; i++) state = stateAfterFailure(policy, state, at(i * gapMs));
  return state;
}

describe('login throttle policy', () => {
  it.each([0, 1, 2])('allows an attempt at once after %i failures', (count) => {
    expect(decideLoginAttempt(policy, failures(count), T0)).toEqual({ allowed: true });
  });

  it.each([
    [3, 1],
    [4, 2],
  ])('after %i failures makes the next attempt wait %i s', (count, seconds) => {
    const state = failures(count);
    const last = state.lastFailureAt ?? T0;

    expect(decideLoginAttempt(policy, state, last)).toEqual({
      allowed: false,
      reason: 'throttled',
      retryAfterSeconds: seconds,
    });
    expect(decideLoginAttempt(policy, state, new Date(last.getTime() + seconds * 1000))).toEqual({
      allowed: true,
    });
  });

  it('locks for the lock period at the fifth failure', () => {
    const state = failures(5, 10_000);

    expect(state.lockedUntil).toEqual(at(40_000 + policy.lockMs));
    expect(decideLoginAttempt(policy, state, at(40_000))).toEqual({
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: policy.lockMs / 1000,
    });
  });

  it('starts afresh once the lock has run out', () => {
    const state = failures(5, 10_000);
    const after = at(40_000 + policy.lockMs);

    expect(decideLoginAttempt(policy, state, after)).toEqual({ allowed: true });
    expect(stateAfterFailure(policy, state, after)).toEqual({ failures: 1, lastFailureAt: after });
  });
});
