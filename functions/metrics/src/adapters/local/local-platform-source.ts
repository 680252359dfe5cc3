import type { MetricsSource } from '../../application/ports';
import type { Reading } from '../../domain/reading';

/** One process the local supervisor runs, in ECS terms. */
export interface LocalServiceStatus {
  readonly name: string;
  /** 1 when the supervisor wants it up, 0 when it was stopped on purpose. */
  readonly desired: number;
  readonly running: number;
  /** Started but not yet ready (e.g. waiting for its health check). */
  readonly pending: number;
}

/**
 * A store the local platform depends on. `relational` stores (MySQL, SQLite) are
 * reported as DatabaseStatus, `document` stores (DocumentDB/MongoDB, or the SQLite
 * document store) as DocumentDBStatus.
 */
export interface LocalStore {
  readonly name: string;
  readonly kind: 'relational' | 'document';
  /** Resolves true when the store answers; false, a rejection or no answer in time all count as down. */
  ping(): Promise<boolean>;
}

export interface LocalPlatformView {
  readonly services: readonly LocalServiceStatus[];
  readonly stores: readonly LocalStore[];
}

/** The port the local supervisor implements: its current view of the platform. */
export type LocalPlatformProvider = () => Promise<LocalPlatformView>;

export interface LocalPlatformSourceOptions {
  readonly provider: LocalPlatformProvider;
  /** The ClusterName dimension of local services. @default 'local' */
  readonly clusterName?: string;
  /** A ping that has not answered by then counts as down. @default 2000 */
  readonly pingTimeoutMs?: number;
}

/**
 * The local platform as a metrics source: the supervisor's services as one cluster,
 * and each store pinged. The same metrics as on AWS, minus MultiAZ and
 * DocumentDBInstances, which have no local meaning.
 */
export function createLocalPlatformSource(options: LocalPlatformSourceOptions): MetricsSource {
  const { provider, clusterName = 'local', pingTimeoutMs = 2000 } = options;
  return {
    name: 'local-platform',
    async collect(): Promise<Reading[]> {
      const view = await provider();
      const services: Reading[] = view.services.map((s) => ({
        kind: 'service',
        cluster: clusterName,
        service: s.name,
        desired: s.desired,
        running: s.running,
        pending: s.pending,
      }));
      const cluster: Reading = {
        kind: 'cluster',
        cluster: clusterName,
        activeServices: view.services.filter((s) => s.desired > 0).length,
        runningTasks: sum(view.services.map((s) => s.running)),
        pendingTasks: sum(view.services.map((s) => s.pending)),
      };
      const stores = await Promise.all(
        view.stores.map(async (store): Promise<Reading> => {
          const available = await pingWithin(store, pingTimeoutMs);
          return store.kind === 'relational'
            ? { kind: 'database', identifier: store.name, available }
            : { kind: 'documentdb', identifier: store.name, available };
        }),
      );
      return [...services, cluster, ...stores];
    },
  };
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

/** A failed ping is the measurement (the store is down), not a collector error. */
async function pingWithin(store: LocalStore, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([store.ping().then((ok) => ok === true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
