/**
 * Which AWS resources belong to an environment. Identifiers are
 * `arka-mysql-<env>[-suffix]` and `arka-documentdb-<env>[-suffix]`: the prefix must be
 * followed by the end or a `-`, so `arka-mysql-dev` does not claim `arka-mysql-development-1`.
 */
export function belongsToEnvironment(identifier: string, prefix: string): boolean {
  return identifier === prefix || identifier.startsWith(`${prefix}-`);
}

export const rdsPrefix = (environment: string): string => `arka-mysql-${environment}`;
export const documentDbPrefix = (environment: string): string => `arka-documentdb-${environment}`;

/**
 * RDS and DocumentDB report many statuses. A database counts as available (1) in the
 * states in which it accepts connections: `available`, plus `backing-up` and
 * `storage-optimization`, which AWS runs on a live instance (the daily backup window
 * would otherwise raise a false alarm). Every other status (creating, modifying,
 * rebooting, stopped, failed, maintenance, upgrading…) counts as 0.
 */
const SERVING_STATUSES: ReadonlySet<string> = new Set(['available', 'backing-up', 'storage-optimization']);

export function isServingStatus(status: string | undefined): boolean {
  return status !== undefined && SERVING_STATUSES.has(status.toLowerCase());
}
