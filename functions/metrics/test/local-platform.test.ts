import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCollector,
  createLocalPlatformSource,
  createMetricsTimer,
  createPrometheusSink,
} from '../src/index';
import { recordingLogger } from './helpers/recording-logger';

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-03T12:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('local platform wiring (the same collector core on a timer)', () => {
  it('exposes the local supervisor view at /metrics after each timer run', async () => {
    // Prepare
    let gatewayRunning = 1;
    const sink = createPrometheusSink();
    const collector = createCollector({
      sources: [
        createLocalPlatformSource({
          provider: async () => ({
            services: [{ name: 'gateway', desired: 1, running: gatewayRunning, pending: 0 }],
            stores: [{ name: 'cotizador-sqlite', kind: 'relational', ping: async () => true }],
          }),
        }),
      ],
      sink,
      environment: 'local',
      logger: recordingLogger(),
    });
    const timer = createMetricsTimer({ intervalMs: 60_000, run: () => collector.run(), onError: vi.fn() });

    // Act
    timer.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = sink.render();
    gatewayRunning = 0;
    await vi.advanceTimersByTimeAsync(60_000);
    const second = sink.render();
    await timer.stop();

    // Assess
    const health =
      'arka_service_health_percent{environment="local",cluster_name="local",service_name="gateway"}';
    expect(first).toContain(`${health} 100`);
    expect(second).toContain(`${health} 0`);
    expect(second).toContain(
      'arka_database_up{environment="local",db_instance_identifier="cotizador-sqlite"} 1',
    );
    expect(second).toContain('arka_collector_errors{environment="local"} 0');
    expect(sink.lastTimestamp()?.toISOString()).toBe('2026-12-03T12:01:00.000Z');
  });
});
