import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMetricsTimer } from '../src/adapters/local/metrics-timer';

/** A run the test finishes by hand. */
function controllableRun() {
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const run = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { run, pending };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('metrics timer', () => {
  it('runs at start, then again one interval after the previous run ended', async () => {
    // Prepare
    const { run, pending } = controllableRun();
    const timer = createMetricsTimer({ intervalMs: 60_000, run, onError: vi.fn() });

    // Act
    timer.start();
    pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(60_000);

    // Assess
    expect(run).toHaveBeenCalledTimes(2);
    pending[1]?.resolve();
    await timer.stop();
  });

  it('never starts a run while the previous one is still going', async () => {
    // Prepare
    const { run, pending } = controllableRun();
    const timer = createMetricsTimer({ intervalMs: 1_000, run, onError: vi.fn() });

    // Act
    timer.start();
    await vi.advanceTimersByTimeAsync(10_000);

    // Assess
    expect(run).toHaveBeenCalledTimes(1);
    pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    pending[1]?.resolve();
    await timer.stop();
  });

  it('reports a failed run and keeps the schedule, the next run being the retry', async () => {
    // Prepare
    const { run, pending } = controllableRun();
    const onError = vi.fn();
    const timer = createMetricsTimer({ intervalMs: 1_000, run, onError });

    // Act
    timer.start();
    pending[0]?.reject(new Error('PutMetricData failed'));
    await vi.advanceTimersByTimeAsync(1_000);

    // Assess
    expect(onError).toHaveBeenCalledWith(new Error('PutMetricData failed'));
    expect(run).toHaveBeenCalledTimes(2);
    pending[1]?.resolve();
    await timer.stop();
  });

  it('stops: waits for the run in progress and schedules no other', async () => {
    // Prepare
    const { run, pending } = controllableRun();
    const timer = createMetricsTimer({ intervalMs: 1_000, run, onError: vi.fn() });
    timer.start();
    timer.start();

    // Act
    let stopped = false;
    const stopping = timer.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    const stoppedBeforeRunEnded = stopped;
    pending[0]?.resolve();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);

    // Assess
    expect(stoppedBeforeRunEnded).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it.each([0, -1, Number.NaN])('fails if the interval is %s', (intervalMs) => {
    expect(() => createMetricsTimer({ intervalMs, run: vi.fn(), onError: vi.fn() })).toThrow(/intervalMs/);
  });
});
