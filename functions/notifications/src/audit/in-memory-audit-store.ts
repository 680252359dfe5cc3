import type { AuditEntry, AuditRecord, AuditStore, ClaimResult } from './audit-store';

/**
 * The audit store in a Map, with the same claim rules as the DynamoDB adapter: for
 * unit tests and the no-op baseline of the benchmark.
 */
export class InMemoryAuditStore implements AuditStore {
  private readonly records = new Map<string, AuditRecord>();

  constructor(private readonly options: { environment: string; ttlDays: number; leaseSeconds: number }) {}

  async claim(entry: AuditEntry, now: Date): Promise<ClaimResult> {
    const existing = this.records.get(entry.id);
    if (existing?.status === 'SENT') return { kind: 'already-sent', criticalAlert: existing.criticalAlert };
    const nowIso = now.toISOString();
    if (existing?.status === 'IN_PROGRESS' && existing.leaseUntil !== null && existing.leaseUntil >= nowIso) {
      return { kind: 'in-progress' };
    }
    const attempts = (existing?.attempts ?? 0) + 1;
    this.records.set(entry.id, {
      ...entry,
      status: 'IN_PROGRESS',
      attempts,
      createdAt: existing?.createdAt ?? nowIso,
      updatedAt: nowIso,
      sentAt: null,
      environment: this.options.environment,
      providerMessageId: null,
      lastError: existing?.lastError ?? null,
      leaseUntil: new Date(now.getTime() + this.options.leaseSeconds * 1000).toISOString(),
      criticalAlert: entry.priority === 'critical' ? 'PENDING' : null,
      criticalAlertMessageId: null,
      expiresAt: Math.floor(now.getTime() / 1000) + this.options.ttlDays * 86_400,
    });
    return { kind: 'claimed', attempts };
  }

  async markSent(id: string, providerMessageId: string, now: Date): Promise<void> {
    const r = this.get(id);
    const at = now.toISOString();
    this.records.set(id, {
      ...r,
      status: 'SENT',
      providerMessageId,
      sentAt: at,
      updatedAt: at,
      leaseUntil: null,
      lastError: null,
    });
  }

  async markFailed(id: string, error: string, now: Date): Promise<void> {
    const r = this.get(id);
    if (r.status === 'SENT') throw new Error(`audit record ${id} is already SENT`);
    this.records.set(id, {
      ...r,
      status: 'FAILED',
      lastError: error,
      updatedAt: now.toISOString(),
      leaseUntil: null,
    });
  }

  async markCriticalAlertPublished(id: string, alertMessageId: string, now: Date): Promise<void> {
    const r = this.get(id);
    if (r.status !== 'SENT') throw new Error(`audit record ${id} is not SENT`);
    this.records.set(id, {
      ...r,
      criticalAlert: 'PUBLISHED',
      criticalAlertMessageId: alertMessageId,
      updatedAt: now.toISOString(),
    });
  }

  async find(id: string): Promise<AuditRecord | undefined> {
    return this.records.get(id);
  }

  private get(id: string): AuditRecord {
    const r = this.records.get(id);
    if (r === undefined) throw new Error(`no audit record ${id}`);
    return r;
  }
}
