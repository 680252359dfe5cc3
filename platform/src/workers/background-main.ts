/**
 * The background of the local platform in one process, one Node runtime instead of
 * four: the AWS stand-ins (dynalite, the local SES), the solicitudes dispatcher on
 * arka-solicitudes, and the notifications function under the local SQS event source.
 * The parts start in that order (notifications need both stand-ins) and the process
 * tells the supervisor it is ready over IPC once every part runs. If any part fails
 * the process exits, and the supervisor restarts it: all parts again. SIGTERM stops
 * the workers first (each finishes the batch in flight), then the stand-ins.
 */
import { startDispatcher } from '@arka/gestor-solicitudes';
import { startAwsLocal } from './aws-local';
import { workerLogger } from './json-logger';
import { startNotifications } from './notifications';

interface Part {
  readonly name: string;
  close(): Promise<void>;
}

/** Closes the given parts at once; false when one of them failed to. */
async function closeParts(parts: readonly Part[]): Promise<boolean> {
  const results = await Promise.allSettled(parts.map((part) => part.close()));
  results.forEach((result, i) => {
    if (result.status === 'rejected')
      workerLogger.error({ part: parts[i]?.name, err: result.reason }, 'stopping failed');
  });
  return results.every((result) => result.status === 'fulfilled');
}

const env = process.env;
const standIns: Part[] = [];
const workers: Part[] = [];
try {
  standIns.push({ name: 'aws-local', ...(await startAwsLocal(env)) });
  workers.push({ name: 'dispatcher', ...(await startDispatcher(env)) });
  workers.push({ name: 'notifications', ...(await startNotifications(env)) });
} catch (error) {
  workerLogger.error({ err: error }, 'the background could not start');
  await closeParts(workers);
  await closeParts(standIns);
  process.exit(1);
}
process.send?.({ type: 'ready' });

let stopping = false;
const stop = (signal: NodeJS.Signals | 'parent-gone') => {
  if (stopping) return;
  stopping = true;
  workerLogger.info({ signal }, 'stopping: the workers finish their batches, then the stand-ins close');
  // dynalite waits up to 30 s for its operations; the supervisor allows 10 s in all.
  setTimeout(() => process.exit(1), 8_000).unref();
  void closeParts(workers)
    .then(async (workersOk) => (await closeParts(standIns)) && workersOk)
    .then((ok) => process.exit(ok ? 0 : 1));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The supervisor gone, even by SIGKILL, closes the IPC channel: stop rather than live on as an orphan.
process.once('disconnect', () => stop('parent-gone'));
