import type { Logger } from '@arka/kernel';
import type { LoginAttemptRepository } from './ports';

/** How long failed logins are remembered after the last one (and after its lock). */
export const LOGIN_ATTEMPTS_MEMORY_MS = 24 * 60 * 60 * 1_000;
const EVERY_MS = 60 * 60 * 1_000;

/**
 * Forgets, every hour (and once at start), the usernames whose last failed login and
 * lock ended a day ago. Anyone may try any username, so the records would otherwise
 * only pile up. Stop it, and await the pass in progress, before closing the database.
 */
export function forgetLoginAttemptsPeriodically(
  attempts: LoginAttemptRepository,
  options: { readonly logger: Logger; readonly clock?: () => Date; readonly everyMs?: number },
): { stop(): Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  const forget = () => {
    running = attempts.forgetBefore(new Date(clock().getTime() - LOGIN_ATTEMPTS_MEMORY_MS)).then(
      (forgotten) => {
        if (forgotten > 0) options.logger.info({ forgotten }, 'forgot stale failed-login records');
      },
      (error: unknown) => options.logger.warn({ err: error }, 'could not forget stale failed-login records'),
    );
  };
  const timer = setInterval(forget, options.everyMs ?? EVERY_MS);
  timer.unref();
  forget();
  return {
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
