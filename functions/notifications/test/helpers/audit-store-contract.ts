import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditStore } from '../../src/audit/audit-store';

const T0 = new Date('2026-12-03T10:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let counter = 0;
function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  counter += 1;
  return {
    id: `audit-${Date.now()}-${counter}`,
    type: 'email',
    recipient: 'compras@arka.test',
    subject: null,
    priority: 'normal',
    service: 'cotizador',
    ...overrides,
  };
}

/**
 * What every AuditStore adapter does: the conditional claim behind idempotency.
 * `makeStore` gives a store configured with environment "test", TTL 30 days and
 * a lease of 60 seconds.
 */
export function auditStoreContract(name: string, makeStore: () => AuditStore): void {
  describe(`${name} (AuditStore contract)`, () => {
    it('claims a new id as attempt 1 and writes every field, optional ones as null', async () => {
      const store = makeStore();
      const e = entry();

      const claim = await store.claim(e, T0);

      expect(claim).toEqual({ kind: 'claimed', attempts: 1 });
      expect(await store.find(e.id)).toEqual({
        ...e,
        status: 'IN_PROGRESS',
        attempts: 1,
        createdAt: T0.toISOString(),
        updatedAt: T0.toISOString(),
        sentAt: null,
        environment: 'test',
        providerMessageId: null,
        lastError: null,
        leaseUntil: later(60).toISOString(),
        criticalAlert: null,
        criticalAlertMessageId: null,
        expiresAt: Math.floor(T0.getTime() / 1000) + 30 * 86_400,
      });
    });

    it('refuses a second claim while the lease is fresh', async () => {
      const store = makeStore();
      const e = entry();
      await store.claim(e, T0);

      expect(await store.claim(e, later(59))).toEqual({ kind: 'in-progress' });
    });

    it('lets a delivery take over an expired lease', async () => {
      const store = makeStore();
      const e = entry();
      await store.claim(e, T0);

      expect(await store.claim(e, later(61))).toEqual({ kind: 'claimed', attempts: 2 });
    });

    it('answers already-sent once SENT, whatever the time', async () => {
      const store = makeStore();
      const e = entry();
      await store.claim(e, T0);
      await store.markSent(e.id, 'provider-1', later(1));

      expect(await store.claim(e, later(1000))).toEqual({ kind: 'already-sent', criticalAlert: null });
      expect(await store.find(e.id)).toMatchObject({
        status: 'SENT',
        providerMessageId: 'provider-1',
        sentAt: later(1).toISOString(),
        leaseUntil: null,
        attempts: 1,
      });
    });

    it('claims a FAILED id again at once, keeping the last error and counting attempts', async () => {
      const store = makeStore();
      const e = entry();
      await store.claim(e, T0);
      await store.markFailed(e.id, 'TooManyRequestsException: slow down', later(1));

      const claim = await store.claim(e, later(2));

      expect(claim).toEqual({ kind: 'claimed', attempts: 2 });
      expect(await store.find(e.id)).toMatchObject({
        status: 'IN_PROGRESS',
        lastError: 'TooManyRequestsException: slow down',
        createdAt: T0.toISOString(),
      });
    });

    it('never turns SENT into FAILED', async () => {
      const store = makeStore();
      const e = entry();
      await store.claim(e, T0);
      await store.markSent(e.id, 'provider-1', later(1));

      await expect(store.markFailed(e.id, 'late failure', later(2))).rejects.toThrow();
      expect((await store.find(e.id))?.status).toBe('SENT');
    });

    it('tracks the critical alert of a critical notification', async () => {
      const store = makeStore();
      const e = entry({ priority: 'critical' });
      await store.claim(e, T0);
      await store.markSent(e.id, 'provider-1', later(1));

      expect(await store.claim(e, later(2))).toEqual({ kind: 'already-sent', criticalAlert: 'PENDING' });

      await store.markCriticalAlertPublished(e.id, 'alert-1', later(3));
      expect(await store.claim(e, later(4))).toEqual({ kind: 'already-sent', criticalAlert: 'PUBLISHED' });
      expect((await store.find(e.id))?.criticalAlertMessageId).toBe('alert-1');
    });

    it('records a critical alert only for a notification that was sent', async () => {
      const store = makeStore();
      const e = entry({ priority: 'critical' });
      await store.claim(e, T0);

      await expect(store.markCriticalAlertPublished(e.id, 'alert-1', later(1))).rejects.toThrow();
      expect((await store.find(e.id))?.criticalAlert).toBe('PENDING');
    });

    it('finds nothing for an unknown id', async () => {
      expect(await makeStore().find('never-claimed')).toBeUndefined();
    });
  });
}
