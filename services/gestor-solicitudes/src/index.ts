import { parseConfig } from '@arka/kernel';
import { composeDispatcher, composeGestor } from './compose';
import { configSchema } from './config';

export { buildApp, type AppDeps } from './app';
export { configSchema, type GestorConfig } from './config';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Starts the HTTP service in this process (the local platform supervisor and the
 * benchmarks): listens on HOST:PORT (PORT 0 picks a free port) and relays the
 * outbox. `close()` stops accepting, finishes in-flight requests and releases all.
 */
export async function startGestor(env: Env): Promise<{ address: string; close(): Promise<void> }> {
  const config = parseConfig(configSchema, env);
  const gestor = await composeGestor(config);
  try {
    const address = await gestor.app.listen({ host: config.HOST, port: config.PORT });
    gestor.logger.info({ address }, 'listening');
    return {
      address,
      close: async () => {
        await gestor.app.close();
        await gestor.closeResources();
      },
    };
  } catch (error) {
    await gestor.app.close();
    await gestor.closeResources();
    throw error;
  }
}

/** Starts the dispatcher worker in this process; `close()` waits for the batch in flight. */
export async function startDispatcher(env: Env): Promise<{ close(): Promise<void> }> {
  const dispatcher = await composeDispatcher(parseConfig(configSchema, env));
  return { close: () => dispatcher.close() };
}
