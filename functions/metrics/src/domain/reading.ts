/**
 * What a source observed, in the domain's words. Sources produce readings;
 * `readingsToMetrics` turns them into metrics, so every source yields the same shapes.
 */
export interface ServiceReading {
  readonly kind: 'service';
  readonly cluster: string;
  readonly service: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
}

export interface ClusterReading {
  readonly kind: 'cluster';
  readonly cluster: string;
  readonly activeServices: number;
  readonly runningTasks: number;
  readonly pendingTasks: number;
}

/** A relational database instance (RDS MySQL on AWS; MySQL or SQLite locally). */
export interface DatabaseReading {
  readonly kind: 'database';
  readonly identifier: string;
  readonly available: boolean;
  /** Omitted where Multi-AZ does not apply (local stores): no MultiAZ metric then. */
  readonly multiAz?: boolean;
}

/** A document store cluster (DocumentDB on AWS; the local document store). */
export interface DocumentDbReading {
  readonly kind: 'documentdb';
  readonly identifier: string;
  readonly available: boolean;
  /** Omitted where the member count is unknown (local stores): no DocumentDBInstances metric then. */
  readonly instances?: number;
}

export type Reading = ServiceReading | ClusterReading | DatabaseReading | DocumentDbReading;
