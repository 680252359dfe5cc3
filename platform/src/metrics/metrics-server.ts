import { once } from 'node:events';
import { createServer } from 'node:http';
import {
  createCollector,
  createLocalPlatformSource,
  createMetricsTimer,
  createPrometheusSink,
  PROMETHEUS_CONTENT_TYPE,
  type CollectorLogger,
  type LocalPlatformProvider,
} from '@arka/metrics';

export interface MetricsServerOptions {
  readonly port: number;
  readonly provider: LocalPlatformProvider;
  readonly intervalMs: number;
  readonly logger: CollectorLogger;
}

export interface MetricsServer {
  /** Runs the collection now (and then on the timer again), e.g. once every child is ready. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The metrics function of the local platform: the same collector as on AWS, fed by
 * the supervisor's view, run on its timer and exposed as Prometheus text on
 * `GET /metrics` (127.0.0.1 only).
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const sink = createPrometheusSink();
  const collector = createCollector({
    sources: [createLocalPlatformSource({ provider: options.provider })],
    sink,
    environment: 'local',
    logger: options.logger,
  });
  let lastRun: Promise<unknown> = Promise.resolve();
  const timer = createMetricsTimer({
    intervalMs: options.intervalMs,
    run: () => (lastRun = collector.run()),
    onError: (error) => options.logger.error('metrics run failed', { error: String(error) }),
  });
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(sink.render());
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try GET /metrics\n');
    }
  });
  server.listen(options.port, '127.0.0.1');
  await once(server, 'listening');
  timer.start();
  return {
    async refresh() {
      await timer.stop();
      // start() runs the collection synchronously, which sets lastRun; its failure goes to onError.
      timer.start();
      await lastRun.catch(() => undefined);
    },
    async close() {
      await timer.stop();
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}
