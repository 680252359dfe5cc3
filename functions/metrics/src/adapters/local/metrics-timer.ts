export interface MetricsTimerOptions {
  /** Pause between the end of one run and the start of the next. */
  readonly intervalMs: number;
  readonly run: () => Promise<unknown>;
  /** Told about every failed run; the timer keeps going, so the next tick is the retry. */
  readonly onError: (error: unknown) => void;
}

export interface MetricsTimer {
  /** Runs once at once, then every `intervalMs` after the previous run ended. Idempotent. */
  start(): void;
  /** Cancels the next run and waits for the one in progress, if any. */
  stop(): Promise<void>;
}

/**
 * Runs the collector on a timer for the local platform. The next run is scheduled
 * only when the previous one has settled, so runs never overlap however slow a
 * source is.
 */
export function createMetricsTimer(options: MetricsTimerOptions): MetricsTimer {
  const { intervalMs, run, onError } = options;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`intervalMs must be a positive number of milliseconds, got ${intervalMs}`);
  }
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const tick = (): void => {
    timer = undefined;
    inFlight = run()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        inFlight = undefined;
        if (started) timer = setTimeout(tick, intervalMs);
      });
  };

  return {
    start() {
      if (started) return;
      started = true;
      tick();
    },
    async stop() {
      started = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
