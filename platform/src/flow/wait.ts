import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Asks `probe` again every `intervalMs` until it returns a value, for at most
 * `timeoutMs`; then fails naming what it waited for. Work that crosses queues
 * (dispatch, notifications) finishes some time after the HTTP answer.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}`);
    await sleep(options.intervalMs ?? 250);
  }
}
