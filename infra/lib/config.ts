/**
 * Per-environment settings of the cloud design. Everything that differs between
 * dev, staging and prod lives in this one table, so a reviewer can compare the
 * environments line by line.
 */

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type EnvName = (typeof ENVIRONMENTS)[number];

export interface EnvironmentConfig {
  readonly envName: EnvName;
  /** NAT gateways: one in dev (cost), one per AZ in prod (no cross-AZ single point of failure). */
  readonly natGateways: number;
  readonly mysql: {
    readonly instanceClass: string;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly backupRetentionDays: number;
    readonly multiAz: boolean;
    readonly readReplica: boolean;
    readonly deletionProtection: boolean;
    /** Not available on the micro/small classes dev uses. */
    readonly performanceInsights: boolean;
    readonly cloudwatchLogsExports: readonly string[];
  };
  readonly docdb: {
    readonly instanceClass: string;
    readonly instances: number;
    readonly backupRetentionDays: number;
    readonly deletionProtection: boolean;
  };
  readonly ecs: {
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly minTasks: number;
    readonly maxTasks: number;
    /** ALB requests per target per minute before the gateway scales out. */
    readonly requestsPerTarget: number;
  };
  readonly logRetentionDays: number;
  /** Keep data, logs and snapshots when a stack or resource is deleted (prod); dev and staging clean up. */
  readonly retainOnDelete: boolean;
  readonly notificationsMaxConcurrency: number;
  /** Requests per 5 minutes per client IP before WAF blocks it. */
  readonly wafRateLimit: number;
  readonly auditTtlDays: number;
}

const SEVEN_DAYS = 7;
const THIRTY_DAYS = 30;

export const CONFIG: Readonly<Record<EnvName, EnvironmentConfig>> = Object.freeze({
  dev: {
    envName: 'dev',
    natGateways: 1,
    mysql: {
      instanceClass: 't4g.micro',
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 50,
      backupRetentionDays: SEVEN_DAYS,
      multiAz: false,
      readReplica: false,
      deletionProtection: false,
      performanceInsights: false,
      cloudwatchLogsExports: ['error', 'slowquery'],
    },
    docdb: {
      instanceClass: 't4g.medium',
      instances: 1,
      backupRetentionDays: SEVEN_DAYS,
      deletionProtection: false,
    },
    ecs: { cpu: 256, memoryMiB: 512, minTasks: 2, maxTasks: 4, requestsPerTarget: 500 },
    logRetentionDays: 30,
    retainOnDelete: false,
    notificationsMaxConcurrency: 2,
    wafRateLimit: 2000,
    auditTtlDays: 30,
  },
  staging: {
    envName: 'staging',
    natGateways: 1,
    mysql: {
      instanceClass: 't4g.medium',
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 100,
      backupRetentionDays: SEVEN_DAYS,
      multiAz: false,
      readReplica: false,
      deletionProtection: false,
      performanceInsights: true,
      cloudwatchLogsExports: ['error', 'slowquery'],
    },
    docdb: {
      instanceClass: 't4g.medium',
      instances: 1,
      backupRetentionDays: SEVEN_DAYS,
      deletionProtection: false,
    },
    ecs: { cpu: 512, memoryMiB: 1024, minTasks: 2, maxTasks: 6, requestsPerTarget: 500 },
    logRetentionDays: 90,
    retainOnDelete: false,
    notificationsMaxConcurrency: 5,
    wafRateLimit: 2000,
    auditTtlDays: 90,
  },
  prod: {
    envName: 'prod',
    natGateways: 2,
    mysql: {
      instanceClass: 'r6g.large',
      allocatedStorageGiB: 100,
      maxAllocatedStorageGiB: 500,
      backupRetentionDays: THIRTY_DAYS,
      multiAz: true,
      readReplica: true,
      deletionProtection: true,
      performanceInsights: true,
      cloudwatchLogsExports: ['error', 'slowquery', 'general'],
    },
    docdb: {
      instanceClass: 'r6g.large',
      instances: 2,
      backupRetentionDays: THIRTY_DAYS,
      deletionProtection: true,
    },
    ecs: { cpu: 1024, memoryMiB: 2048, minTasks: 2, maxTasks: 10, requestsPerTarget: 1000 },
    logRetentionDays: 365,
    retainOnDelete: true,
    notificationsMaxConcurrency: 10,
    wafRateLimit: 2000,
    auditTtlDays: 365,
  },
});

export function isEnvName(value: unknown): value is EnvName {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}
