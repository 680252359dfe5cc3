import type { NotificationMessage } from '@arka/messaging';
import type { CriticalAlertPublisher } from '../alerts/critical-alert-publisher';
import type { AuditStore } from '../audit/audit-store';
import { renderEmail } from '../domain/email-content';
import { fitSms } from '../domain/sms-text';
import type { EmailSender } from '../email/email-sender';
import type { PushSender } from '../mobile/push-sender';
import type { SmsSender } from '../mobile/sms-sender';

export interface NotificationChannels {
  readonly email: EmailSender;
  readonly sms: SmsSender;
  readonly push: PushSender;
  readonly criticalAlerts: CriticalAlertPublisher;
}

export interface ProcessNotificationDeps {
  readonly audit: AuditStore;
  readonly channels: NotificationChannels;
  readonly environment: string;
  readonly now: () => Date;
}

export type ProcessOutcome =
  | { readonly kind: 'sent'; readonly providerMessageId: string; readonly attempts: number }
  /** A repeated delivery of an id already sent: nothing was sent again. */
  | { readonly kind: 'duplicate' }
  /** A repeated delivery whose send was recorded but whose critical alert was not: only the alert was published. */
  | { readonly kind: 'alert-completed' };

/** Another delivery of the same id holds the claim; the record is retried later. */
export class NotificationInProgressError extends Error {
  override readonly name = 'NotificationInProgressError';
  constructor(readonly notificationId: string) {
    super(`notification ${notificationId} is being sent by another delivery`);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function sendThroughChannel(
  message: NotificationMessage,
  channels: NotificationChannels,
): Promise<string> {
  switch (message.type) {
    case 'email': {
      const content = renderEmail(message);
      return (await channels.email.send({ to: message.recipient, ...content })).messageId;
    }
    case 'sms':
      return (await channels.sms.send({ to: message.recipient, text: fitSms(message.message).text }))
        .messageId;
    case 'push':
      return (
        await channels.push.send({
          endpointArn: message.recipient,
          title: message.subject ?? 'Arka',
          body: message.message,
        })
      ).messageId;
  }
}

/**
 * Sends one validated notification at most once per id (DOMAIN.md):
 * claim the audit record, send, record SENT, then publish the critical alert. A failed
 * send is recorded FAILED and rethrown so the record is retried. A failed alert is
 * rethrown after SENT was recorded, so the retry publishes the alert without sending
 * the notification again.
 */
export async function processNotification(
  message: NotificationMessage,
  deps: ProcessNotificationDeps,
): Promise<ProcessOutcome> {
  const { audit, channels } = deps;
  const claim = await audit.claim(
    {
      id: message.id,
      type: message.type,
      recipient: message.recipient,
      subject: message.subject ?? null,
      priority: message.priority,
      service: message.service,
    },
    deps.now(),
  );
  if (claim.kind === 'in-progress') throw new NotificationInProgressError(message.id);
  if (claim.kind === 'already-sent') {
    if (claim.criticalAlert !== 'PENDING') return { kind: 'duplicate' };
    await publishCriticalAlert(message, deps);
    return { kind: 'alert-completed' };
  }

  let providerMessageId: string;
  try {
    providerMessageId = await sendThroughChannel(message, channels);
  } catch (sendError) {
    try {
      await audit.markFailed(message.id, describeError(sendError), deps.now());
    } catch (auditError) {
      throw new AggregateError(
        [sendError, auditError],
        `send of ${message.id} failed and could not be recorded`,
        {
          cause: auditError,
        },
      );
    }
    throw sendError;
  }
  await audit.markSent(message.id, providerMessageId, deps.now());
  if (message.priority === 'critical') await publishCriticalAlert(message, deps);
  return { kind: 'sent', providerMessageId, attempts: claim.attempts };
}

async function publishCriticalAlert(
  message: NotificationMessage,
  deps: ProcessNotificationDeps,
): Promise<void> {
  const { messageId } = await deps.channels.criticalAlerts.publish({
    notificationId: message.id,
    type: message.type,
    subject: message.subject ?? null,
    message: message.message,
    service: message.service,
    occurredAt: message.occurredAt,
    environment: deps.environment,
  });
  await deps.audit.markCriticalAlertPublished(message.id, messageId, deps.now());
}
