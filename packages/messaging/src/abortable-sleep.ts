import { setTimeout as delay } from 'node:timers/promises';

/** Sleeps `ms`, or less when `signal` aborts; never rejects. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return;
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
