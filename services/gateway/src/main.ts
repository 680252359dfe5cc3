import { ConfigError, parseConfig, serve } from '@arka/kernel';
import { gatewayConfigSchema } from './config';
import { createGateway } from './gateway';

// Composition root: configuration problems end the process with one message listing them all.
try {
  const config = parseConfig(gatewayConfigSchema, process.env);
  const gateway = await createGateway(config);
  await serve(gateway.app, { host: config.HOST, port: config.PORT, onShutdown: gateway.close });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
