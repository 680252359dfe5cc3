export interface BreakerSettings {
  readonly errorThresholdPercentage: number;
  readonly volumeThreshold: number;
  readonly rollingWindowMs: number;
  readonly resetTimeoutMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** The breaker is open (or half-open with its probe already out): the action was not called. */
export class BreakerOpenError extends Error {
  readonly code = 'EOPENBREAKER';
  constructor() {
    super('Breaker is open');
  }
}

/** The breaker was shut down (the gateway is closing): the action was not called. */
export class BreakerShutdownError extends Error {
  readonly code = 'ESHUTDOWN';
  constructor() {
    super('The circuit has been shut down.');
  }
}

export interface BreakerEvents {
  readonly onOpen?: () => void;
  readonly onHalfOpen?: () => void;
  readonly onClose?: () => void;
}

export interface CircuitBreaker {
  /** Runs `action` unless the circuit is open; its rejection counts as a failure, its result as a success. */
  fire<T>(action: () => Promise<T>): Promise<T>;
  state(): BreakerState;
  /** Refuses every later call and stops the reset timer. */
  shutdown(): void;
}

/** The rolling window is kept in this many buckets, the oldest dropped as time moves on. */
const BUCKETS = 10;

/**
 * A circuit breaker with opossum's rules, and nothing else per call (no events,
 * latency lists or percentile snapshots):
 *
 * - every call counts in a rolling window (`rollingWindowMs`, in 10 buckets), and so
 *   does each failure;
 * - after a failure, once the window holds at least `volumeThreshold` calls, a failure
 *   share above `errorThresholdPercentage` opens the circuit: calls are refused;
 * - `resetTimeoutMs` later it is half-open: the next call goes through as a probe
 *   (the others are refused while it runs); its success closes the circuit, its
 *   failure opens it again for another `resetTimeoutMs`.
 */
export function createBreaker(
  settings: BreakerSettings,
  events: BreakerEvents = {},
  now: () => number = Date.now,
): CircuitBreaker {
  const bucketMs = Math.max(1, Math.floor(settings.rollingWindowMs / BUCKETS));
  // Bucket i holds the counts of the time slot `slots[i]` (time / bucketMs).
  const slots = new Float64Array(BUCKETS).fill(-1);
  const calls = new Uint32Array(BUCKETS);
  const failures = new Uint32Array(BUCKETS);
  let state: BreakerState = 'closed';
  let probeAllowed = false;
  let shut = false;
  let resetTimer: NodeJS.Timeout | undefined;

  const bucketNow = (): number => {
    const slot = Math.floor(now() / bucketMs);
    const index = slot % BUCKETS;
    if (slots[index] !== slot) {
      slots[index] = slot;
      calls[index] = 0;
      failures[index] = 0;
    }
    return index;
  };
  const windowTotals = () => {
    const current = Math.floor(now() / bucketMs);
    let callSum = 0;
    let failureSum = 0;
    for (let i = 0; i < BUCKETS; i += 1) {
      if (current - (slots[i] ?? -1) < BUCKETS) {
        callSum += calls[i] ?? 0;
        failureSum += failures[i] ?? 0;
      }
    }
    return { calls: callSum, failures: failureSum };
  };

  const open = () => {
    if (state === 'open') return;
    state = 'open';
    probeAllowed = false;
    events.onOpen?.();
    resetTimer = setTimeout(() => {
      state = 'half-open';
      probeAllowed = true;
      events.onHalfOpen?.();
    }, settings.resetTimeoutMs);
    resetTimer.unref();
  };
  const close = () => {
    if (state === 'closed') return;
    clearTimeout(resetTimer);
    state = 'closed';
    probeAllowed = false;
    events.onClose?.();
  };
  const succeeded = () => {
    if (state === 'half-open') close();
  };
  const failed = () => {
    const index = bucketNow();
    failures[index] = (failures[index] ?? 0) + 1;
    const totals = windowTotals();
    if (totals.calls < settings.volumeThreshold && state !== 'half-open') return;
    if ((totals.failures / totals.calls) * 100 > settings.errorThresholdPercentage || state === 'half-open')
      open();
  };

  return {
    fire<T>(action: () => Promise<T>): Promise<T> {
      if (shut) return Promise.reject(new BreakerShutdownError());
      const index = bucketNow();
      calls[index] = (calls[index] ?? 0) + 1;
      if (state !== 'closed') {
        if (!probeAllowed) return Promise.reject(new BreakerOpenError());
        probeAllowed = false;
      }
      let running: Promise<T>;
      try {
        running = action();
      } catch (error) {
        failed();
        return Promise.reject(error);
      }
      return running.then(
        (result) => {
          succeeded();
          return result;
        },
        (error: unknown) => {
          failed();
          throw error;
        },
      );
    },
    state: () => state,
    shutdown() {
      shut = true;
      clearTimeout(resetTimer);
    },
  };
}
