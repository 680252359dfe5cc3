import type { NotificationPriority, NotificationType } from '@arka/messaging';

export type AuditStatus = 'IN_PROGRESS' | 'SENT' | 'FAILED';
/** null: not a critical notification; PENDING: sent, alert not yet published. */
export type CriticalAlertState = 'PENDING' | 'PUBLISHED' | null;

/** What the audit record knows about the notification before it is sent. */
export interface AuditEntry {
  readonly id: string;
  readonly type: NotificationType;
  readonly recipient: string;
  readonly subject: string | null;
  readonly priority: NotificationPriority;
  readonly service: string;
}

/** The audit record as stored; every optional field is present, null when unknown. */
export interface AuditRecord extends AuditEntry {
  readonly status: AuditStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
  readonly environment: string;
  readonly providerMessageId: string | null;
  readonly lastError: string | null;
  readonly leaseUntil: string | null;
  readonly criticalAlert: CriticalAlertState;
  readonly criticalAlertMessageId: string | null;
  /** TTL, epoch seconds. */
  readonly expiresAt: number;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly attempts: number }
  | { readonly kind: 'already-sent'; readonly criticalAlert: CriticalAlertState }
  /** Another delivery holds a fresh lease on this id: retry later. */
  | { readonly kind: 'in-progress' };

/**
 * The audit table, which is also the idempotency record: `claim` is one conditional
 * write, so of two deliveries of the same id only one may send.
 */
export interface AuditStore {
  /**
   * Creates or takes over the record for `entry.id` unless it is SENT or another
   * delivery holds a lease that has not expired; counts the attempt.
   */
  claim(entry: AuditEntry, now: Date): Promise<ClaimResult>;
  /** Called only once the provider accepted the message; releases the lease. */
  markSent(id: string, providerMessageId: string, now: Date): Promise<void>;
  /** Records the provider error and releases the lease; throws if the id is already SENT. */
  markFailed(id: string, error: string, now: Date): Promise<void>;
  /** Throws if the id is not SENT: an alert always follows the send. */
  markCriticalAlertPublished(id: string, alertMessageId: string, now: Date): Promise<void>;
  find(id: string): Promise<AuditRecord | undefined>;
}
