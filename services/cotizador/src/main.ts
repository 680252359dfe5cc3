import { loadConfigOrExit, serve } from '@arka/kernel';
import { configSchema } from './config';
import { prepareCotizador } from './runtime';

// Composition root: configuration is read here and nowhere below.
const config = loadConfigOrExit(configSchema);
const cotizador = await prepareCotizador(config);
await serve(cotizador.app, {
  host: config.HOST,
  port: config.PORT,
  onShutdown: () => cotizador.close(),
});
