import { execFile } from 'node:child_process';
import { readlinkSync } from 'node:fs';

/** What scheduleThisThreadIdle() did: `idle`, or why the thread keeps its policy. */
export type IdleScheduling =
  | { readonly policy: 'idle'; readonly tid: number }
  | { readonly policy: 'unchanged'; readonly reason: string };

/** The Linux thread id of the calling thread: /proc/thread-self names it. */
function currentThreadId(): number {
  return Number(readlinkSync('/proc/thread-self').split('/').at(-1));
}

/**
 * Puts the calling thread, and no other, under Linux's SCHED_IDLE policy (util-linux
 * `chrt`): it then runs on CPU time the normal threads leave, and one of them waking
 * takes the CPU at once. For deferrable work that shares a process with a request
 * path, such as the outbox relay thread. A niceness of 19 does not do it: the thread
 * still took its share while requests waited. Only a preference: without Linux or
 * chrt, or when refused, the thread keeps its policy and the result says why.
 */
export function scheduleThisThreadIdle(): Promise<IdleScheduling> {
  if (process.platform !== 'linux') {
    return Promise.resolve({ policy: 'unchanged', reason: `not available on ${process.platform}` });
  }
  // Read now, on this thread: the callback below may run after anything else.
  const tid = currentThreadId();
  return new Promise((resolve) => {
    execFile('chrt', ['--idle', '--pid', '0', String(tid)], (error) =>
      resolve(
        error === null ? { policy: 'idle', tid } : { policy: 'unchanged', reason: `chrt: ${error.message}` },
      ),
    );
  });
}
