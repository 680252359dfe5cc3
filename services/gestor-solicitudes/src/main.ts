/** The gestor-solicitudes HTTP service (port 8082) with its outbox relay. */
import { loadConfigOrExit, serve } from '@arka/kernel';
import { composeGestor } from './compose';
import { configSchema } from './config';

const config = loadConfigOrExit(configSchema);
const gestor = await composeGestor(config);
await serve(gestor.app, { host: config.HOST, port: config.PORT, onShutdown: () => gestor.closeResources() });
