import Opossum from 'opossum';

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

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code;

/**
 * opossum with its rules (rolling window of `rollingWindowMs` in 10 buckets;
 * after a failure, once the window holds `volumeThreshold` calls, a failure share
 * above `errorThresholdPercentage` opens the circuit; `resetTimeoutMs` later one
 * probe goes through, whose success closes it and whose failure opens it again),
 * without the per-call work the gateway does not use: latency percentiles (sorted
 * on every snapshot) and the once-a-second snapshot events.
 */
export function createBreaker(settings: BreakerSettings, events: BreakerEvents = {}): CircuitBreaker {
  const breaker = new Opossum((job: () => Promise<unknown>) => job(), {
    timeout: false, // the proxy's own timeout aborts the request; the breaker only counts
    errorThresholdPercentage: settings.errorThresholdPercentage,
    volumeThreshold: settings.volumeThreshold,
    rollingCountTimeout: settings.rollingWindowMs,
    rollingCountBuckets: 10,
    resetTimeout: settings.resetTimeoutMs,
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
  });
  if (events.onOpen) breaker.on('open', events.onOpen);
  if (events.onHalfOpen) breaker.on('halfOpen', events.onHalfOpen);
  if (events.onClose) breaker.on('close', events.onClose);
  return {
    async fire<T>(action: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(action)) as T;
      } catch (error) {
        if (codeOf(error) === 'EOPENBREAKER') throw new BreakerOpenError();
        if (codeOf(error) === 'ESHUTDOWN') throw new BreakerShutdownError();
        throw error;
      }
    },
    state: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed'),
    shutdown: () => breaker.shutdown(),
  };
}
