import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BreakerOpenError,
  BreakerShutdownError,
  createBreaker,
  type BreakerSettings,
} from '../src/adapters/http/circuit-breaker';

const SETTINGS: BreakerSettings = {
  errorThresholdPercentage: 50,
  volumeThreshold: 4,
  rollingWindowMs: 10_000,
  resetTimeoutMs: 5_000,
};
const ok = () => Promise.resolve('ok');
const boom = () => Promise.reject(new Error('boom'));

describe('the circuit breaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const breakerWith = (settings: BreakerSettings = SETTINGS) => {
    const events: string[] = [];
    const breaker = createBreaker(settings, {
      onOpen: () => events.push('open'),
      onHalfOpen: () => events.push('half-open'),
      onClose: () => events.push('close'),
    });
    return { breaker, events };
  };
  const settle = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: unknown) => error,
    );

  it('passes results and failures through while closed', async () => {
    const { breaker } = breakerWith();

    expect(await breaker.fire(ok)).toBe('ok');
    await expect(breaker.fire(boom)).rejects.toThrow('boom');
    expect(breaker.state()).toBe('closed');
  });

  it('stays closed below the volume threshold, however many of the calls fail', async () => {
    const { breaker } = breakerWith();
    for (let i = 0; i < 3; i += 1) await settle(breaker.fire(boom));

    expect(breaker.state()).toBe('closed');
  });

  it('opens once failures pass the threshold share, then refuses calls without making them', async () => {
    const { breaker, events } = breakerWith();
    await breaker.fire(ok);
    await breaker.fire(ok);
    await settle(breaker.fire(boom));
    await settle(breaker.fire(boom));
    expect(breaker.state()).toBe('closed'); // 2 of 4: not above 50 %
    await settle(breaker.fire(boom));
    expect(breaker.state()).toBe('open'); // 3 of 5
    const action = vi.fn(ok);

    expect(await settle(breaker.fire(action))).toBeInstanceOf(BreakerOpenError);
    expect(action).not.toHaveBeenCalled();
    expect(events).toEqual(['open']);
  });

  it('forgets failures older than the rolling window', async () => {
    const { breaker } = breakerWith();
    for (let i = 0; i < 3; i += 1) await settle(breaker.fire(boom));
    vi.advanceTimersByTime(SETTINGS.rollingWindowMs + 1_000);
    await breaker.fire(ok);
    await breaker.fire(ok);
    await breaker.fire(ok);

    await settle(breaker.fire(boom));

    expect(breaker.state()).toBe('closed'); // 1 of 4 in the window
  });

  it('lets one probe through once half-open; its success closes the circuit', async () => {
    const { breaker, events } = breakerWith();
    for (let i = 0; i < 4; i += 1) await settle(breaker.fire(boom));
    expect(breaker.state()).toBe('open');
    vi.advanceTimersByTime(SETTINGS.resetTimeoutMs);
    expect(breaker.state()).toBe('half-open');
    let release: (value: string) => void = () => undefined;
    const probe = breaker.fire(() => new Promise<string>((resolve) => (release = resolve)));

    expect(await settle(breaker.fire(ok))).toBeInstanceOf(BreakerOpenError);
    release('probed');
    expect(await probe).toBe('probed');
    expect(breaker.state()).toBe('closed');
    expect(await breaker.fire(ok)).toBe('ok');
    expect(events).toEqual(['open', 'half-open', 'close']);
  });

  it('opens again for another reset timeout when the probe fails', async () => {
    const { breaker, events } = breakerWith();
    for (let i = 0; i < 4; i += 1) await settle(breaker.fire(boom));
    vi.advanceTimersByTime(SETTINGS.resetTimeoutMs);

    await settle(breaker.fire(boom));

    expect(breaker.state()).toBe('open');
    vi.advanceTimersByTime(SETTINGS.resetTimeoutMs - 1);
    expect(breaker.state()).toBe('open');
    vi.advanceTimersByTime(1);
    expect(breaker.state()).toBe('half-open');
    expect(events).toEqual(['open', 'half-open', 'open', 'half-open']);
  });

  it('counts an action that throws instead of rejecting as a failure', async () => {
    const { breaker } = breakerWith({ ...SETTINGS, volumeThreshold: 1 });

    const outcome = await settle(
      breaker.fire(() => {
        throw new Error('sync');
      }),
    );

    expect(outcome).toMatchObject({ message: 'sync' });
    expect(breaker.state()).toBe('open');
  });

  it('refuses every call once shut down', async () => {
    const { breaker } = breakerWith();
    breaker.shutdown();

    expect(await settle(breaker.fire(ok))).toBeInstanceOf(BreakerShutdownError);
  });
});
