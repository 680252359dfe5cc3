import { describe, expect, it } from 'vitest';
import { NotificationInProgressError, processNotification } from '../src/application/process-notification';
import { InMemoryAuditStore } from '../src/audit/in-memory-audit-store';
import { notification } from './helpers/events';
import { recordingChannels } from './helpers/recording-channels';

function setup() {
  const audit = new InMemoryAuditStore({ environment: 'test', ttlDays: 30, leaseSeconds: 60 });
  const fake = recordingChannels();
  let clock = new Date('2026-12-03T10:00:00.000Z');
  const deps = { audit, channels: fake.channels, environment: 'test', now: () => clock };
  return { audit, fake, deps, advance: (s: number) => (clock = new Date(clock.getTime() + s * 1000)) };
}

class ThrottlingError extends Error {
  override readonly name = 'TooManyRequestsException';
}

describe('processNotification', () => {
  it('sends an email and records it SENT with the provider id', async () => {
    const { audit, fake, deps } = setup();
    const message = notification();

    const outcome = await processNotification(message, deps);

    expect(outcome).toEqual({ kind: 'sent', providerMessageId: 'email-1', attempts: 1 });
    expect(fake.sent.email).toHaveLength(1);
    expect(await audit.find(message.id)).toMatchObject({ status: 'SENT', providerMessageId: 'email-1' });
  });

  it('does not send an id twice', async () => {
    const { fake, deps } = setup();
    const message = notification();
    await processNotification(message, deps);

    const outcome = await processNotification(message, deps);

    expect(outcome).toEqual({ kind: 'duplicate' });
    expect(fake.sent.email).toHaveLength(1);
  });

  it('records a failed send as FAILED and rethrows it; the retry sends', async () => {
    const { audit, fake, deps } = setup();
    const message = notification();
    fake.failNext('email', new ThrottlingError('Maximum sending rate exceeded'));

    await expect(processNotification(message, deps)).rejects.toThrow(ThrottlingError);
    expect(await audit.find(message.id)).toMatchObject({
      status: 'FAILED',
      lastError: 'TooManyRequestsException: Maximum sending rate exceeded',
      providerMessageId: null,
    });

    expect(await processNotification(message, deps)).toMatchObject({ kind: 'sent', attempts: 2 });
    expect(fake.sent.email).toHaveLength(1);
  });

  it('fails a delivery while another one holds the claim', async () => {
    const { audit, deps } = setup();
    const message = notification();
    await audit.claim({ ...message, subject: null }, deps.now());

    await expect(processNotification(message, deps)).rejects.toThrow(NotificationInProgressError);
  });

  it('fits an SMS into one segment', async () => {
    const { fake, deps } = setup();

    await processNotification(
      notification({ type: 'sms', recipient: '+573001234567', message: 'x'.repeat(300) }),
      deps,
    );

    expect(fake.sent.sms).toEqual([{ to: '+573001234567', text: `Arka: ${'x'.repeat(151)}...` }]);
  });

  it('sends a push with the subject as title', async () => {
    const { fake, deps } = setup();
    const arn = 'arn:aws:sns:us-east-1:123456789012:endpoint/APNS/arka-ios/1a2b3c';

    await processNotification(
      notification({ type: 'push', recipient: arn, subject: 'Pedido', message: 'Listo' }),
      deps,
    );

    expect(fake.sent.push).toEqual([{ endpointArn: arn, title: 'Pedido', body: 'Listo' }]);
  });

  describe('critical priority', () => {
    it('publishes a critical alert after the send', async () => {
      const { audit, fake, deps } = setup();
      const message = notification({ priority: 'critical' });

      await processNotification(message, deps);

      expect(fake.sent.alerts).toEqual([
        {
          notificationId: message.id,
          type: 'email',
          subject: message.subject,
          message: message.message,
          service: message.service,
          occurredAt: message.occurredAt,
          environment: 'test',
        },
      ]);
      expect(await audit.find(message.id)).toMatchObject({ status: 'SENT', criticalAlert: 'PUBLISHED' });
    });

    it('fails when the alert fails, after recording the send; the retry publishes only the alert', async () => {
      const { audit, fake, deps } = setup();
      const message = notification({ priority: 'critical' });
      fake.failNext('alerts', new Error('SNS unavailable'));

      await expect(processNotification(message, deps)).rejects.toThrow('SNS unavailable');
      expect(await audit.find(message.id)).toMatchObject({ status: 'SENT', criticalAlert: 'PENDING' });

      expect(await processNotification(message, deps)).toEqual({ kind: 'alert-completed' });
      expect(fake.sent.email).toHaveLength(1);
      expect(fake.sent.alerts).toHaveLength(1);
      expect(await processNotification(message, deps)).toEqual({ kind: 'duplicate' });
      expect(fake.sent.alerts).toHaveLength(1);
    });

    it('publishes no alert for other priorities', async () => {
      const { fake, deps } = setup();

      await processNotification(notification({ priority: 'high' }), deps);

      expect(fake.sent.alerts).toEqual([]);
    });
  });
});
