/** The solicitudes dispatcher worker: consumes arka-solicitudes and notifies suppliers. */
import { loadConfigOrExit } from '@arka/kernel';
import { composeDispatcher } from './compose';
import { configSchema } from './config';

const config = loadConfigOrExit(configSchema);
const dispatcher = await composeDispatcher(config);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  dispatcher.logger.info({ signal }, 'stopping: finishing the batch in flight');
  dispatcher.close().then(
    () => process.exit(0),
    (error: unknown) => {
      dispatcher.logger.error({ err: error }, 'stopping failed');
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
