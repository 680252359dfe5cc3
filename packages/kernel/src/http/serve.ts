import type { HttpApp } from './app';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** Longest wait for in-flight requests before exiting anyway. @default 10 s */
  readonly gracePeriodMs?: number;
  /** Releases what the app holds (pools, workers) after the server stopped accepting. */
  readonly onShutdown?: () => Promise<void>;
}

/**
 * Listens and shuts down gracefully on SIGTERM/SIGINT (and when the parent that
 * started it with an IPC channel goes away): readiness turns DOWN, the
 * server stops accepting, in-flight requests finish, then `onShutdown` closes pools.
 * Returns a function that triggers the same shutdown (used by supervisors and tests).
 */
export async function serve(
  app: HttpApp,
  options: ServeOptions,
): Promise<{ address: string; shutdown: () => Promise<void> }> {
  let closing: Promise<void> | undefined;
  const shutdown = (signal = 'shutdown') => {
    closing ??= (async () => {
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      app.healthState.shuttingDown = true;
      const grace = setTimeout(() => {
        app.log.error('grace period over, exiting with requests still in flight');
        process.exit(1);
      }, options.gracePeriodMs ?? 10_000);
      grace.unref();
      try {
        await app.close();
        await options.onShutdown?.();
        app.log.info('stopped');
      } finally {
        clearTimeout(grace);
      }
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals | 'parent-gone') => {
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  // Started by a parent with an IPC channel (the local platform's supervisor): when the
  // parent dies, even by SIGKILL, the channel closes. Stop as on SIGTERM rather than
  // live on as an orphan holding the ports and the data files.
  if (process.connected) process.once('disconnect', () => onSignal('parent-gone'));
  const address = await app.listen({ host: options.host, port: options.port });
  app.log.info({ address }, 'listening');
  return { address, shutdown: () => shutdown() };
}
