import type { EnvName } from './config';

/**
 * Physical names shared by several stacks (and by the metrics function, which
 * finds databases by prefix). Every name carries the environment so dev, staging
 * and prod can share one account without colliding.
 */
export function resourceName(base: string, env: EnvName): string {
  return `${base}-${env}`;
}

export const names = {
  cluster: (env: EnvName) => resourceName('arka', env),
  mysqlInstance: (env: EnvName) => resourceName('arka-mysql', env),
  mysqlReplica: (env: EnvName) => `${resourceName('arka-mysql', env)}-replica`,
  docdbCluster: (env: EnvName) => resourceName('arka-documentdb', env),
  queue: (logical: string, env: EnvName) => resourceName(logical, env),
  topic: (logical: string, env: EnvName) => resourceName(logical, env),
  notificationsFunction: (env: EnvName) => resourceName('arka-notifications', env),
  metricsFunction: (env: EnvName) => resourceName('arka-metrics', env),
  auditTable: (env: EnvName) => resourceName('arka-notifications-audit', env),
  serviceConnectNamespace: (env: EnvName) => `arka-${env}.internal`,
} as const;

/** Metric namespace the metrics function publishes to (ARCHITECTURE.md). */
export const METRICS_NAMESPACE = 'Arka/Valenzuela';
