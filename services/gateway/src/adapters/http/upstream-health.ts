import type { Upstream } from './upstream-proxy';

export interface UpstreamHealth {
  readonly status: 'UP' | 'DOWN';
  readonly url: string;
  readonly circuit: string;
  readonly error?: string;
}

/**
 * Asks each upstream's /actuator/health. An upstream that is down does not make the
 * gateway DOWN: the gateway still serves auth and answers for the other upstream,
 * and a load balancer that pulled it out would only turn one outage into two.
 */
export function checkUpstreams(upstreams: readonly Upstream[], timeoutMs: number) {
  return async (): Promise<Record<string, UpstreamHealth>> => {
    const entries = await Promise.all(
      upstreams.map(async (upstream): Promise<[string, UpstreamHealth]> => {
        const base = { url: upstream.url, circuit: upstream.breakerState() };
        try {
          const response = await fetch(`${upstream.url}/actuator/health`, {
            signal: AbortSignal.timeout(timeoutMs),
          });
          await response.body?.cancel();
          return [
            upstream.name,
            response.ok
              ? { status: 'UP', ...base }
              : { status: 'DOWN', ...base, error: `answered ${response.status}` },
          ];
        } catch (error) {
          return [
            upstream.name,
            { status: 'DOWN', ...base, error: error instanceof Error ? error.message : String(error) },
          ];
        }
      }),
    );
    return Object.fromEntries(entries);
  };
}
