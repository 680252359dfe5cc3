import { createLogger } from '@arka/kernel';
import { describe, expect, it, vi } from 'vitest';
import {
  forgetLoginAttemptsPeriodically,
  LOGIN_ATTEMPTS_MEMORY_MS,
} from '../src/application/forget-login-attempts';
import type { LoginAttemptRepository } from '../src/application/ports';

const logger = createLogger({ service: 'gateway-test', level: 'silent' });
const NOW = new Date('2026-12-04T12:00:00.000Z');

function recordingRepository(cutoffs: Date[], fail = false): LoginAttemptRepository {
  return {
    find: async () => undefined,
    compareAndSet: async () => true,
    clear: async () => undefined,
    forgetBefore: async (cutoff) => {
      cutoffs.push(cutoff);
      if (fail) throw new Error('database is locked');
      return 3;
    },
  };
}

describe('forgetting stale failed-login records', () => {
  it('forgets what ended a day before now, at once and then periodically, until stopped', async () => {
    // Prepare
    const cutoffs: Date[] = [];

    // Act
    const forgetting = forgetLoginAttemptsPeriodically(recordingRepository(cutoffs), {
      logger,
      clock: () => NOW,
      everyMs: 10,
    });
    await vi.waitFor(() => expect(cutoffs.length).toBeGreaterThanOrEqual(3));
    await forgetting.stop();
    const afterStop = cutoffs.length;
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Assess
    expect(cutoffs.every((c) => c.getTime() === NOW.getTime() - LOGIN_ATTEMPTS_MEMORY_MS)).toBe(true);
    expect(cutoffs.length).toBe(afterStop);
  });

  it('logs a failed pass and keeps going', async () => {
    // Prepare
    const cutoffs: Date[] = [];
    const warn = vi.spyOn(logger, 'warn');

    // Act
    const forgetting = forgetLoginAttemptsPeriodically(recordingRepository(cutoffs, true), {
      logger,
      everyMs: 10,
    });
    await vi.waitFor(() => expect(cutoffs.length).toBeGreaterThanOrEqual(2));
    await forgetting.stop();

    // Assess
    expect(warn).toHaveBeenCalled();
  });
});
