import type { ZodApp } from './types';

/** A readiness dependency check: resolves when healthy, throws (or times out) otherwise. */
export type HealthCheck = () => Promise<unknown>;

type Status = 'UP' | 'DOWN';
interface ComponentHealth {
  status: Status;
  details?: Record<string, unknown>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: HealthCheck): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    });
    const details = await Promise.race([check(), timeout]);
    return details && typeof details === 'object'
      ? { status: 'UP', details: details as Record<string, unknown> }
      : { status: 'UP' };
  } catch (error) {
    return { status: 'DOWN', details: { error: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthState {
  /** Set when shutdown begins, so load balancers stop routing here before the port closes. */
  shuttingDown: boolean;
}

/**
 * `/actuator/health` (everything), `/actuator/health/liveness` (the process answers)
 * and `/actuator/health/readiness` (dependencies answer): Spring Boot's shape, which
 * the Java system's probes and the ALB already use. DOWN answers 503.
 */
export function registerHealth(
  app: ZodApp,
  checks: Readonly<Record<string, HealthCheck>>,
  state: HealthState,
): void {
  const readiness = async () => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await runCheck(check)] as const),
    );
    const components = Object.fromEntries(entries);
    const up = !state.shuttingDown && entries.every(([, c]) => c.status === 'UP');
    return { status: (up ? 'UP' : 'DOWN') as Status, components };
  };
  const hide = { schema: { hide: true } };

  app.get('/actuator/health/liveness', hide, async () => ({ status: 'UP' }));
  app.get('/actuator/health/readiness', hide, async (_request, reply) => {
    const result = await readiness();
    return reply.code(result.status === 'UP' ? 200 : 503).send(result);
  });
  app.get('/actuator/health', hide, async (_request, reply) => {
    const ready = await readiness();
    return reply.code(ready.status === 'UP' ? 200 : 503).send({
      status: ready.status,
      components: { liveness: { status: 'UP' }, readiness: ready },
    });
  });
}
