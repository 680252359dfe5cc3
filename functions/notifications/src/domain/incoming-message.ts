import { notificationMessageSchema, type NotificationMessage } from '@arka/messaging';
import { z } from 'zod';
import { isE164, isEmailAddress, isPushEndpointArn } from './recipients';
import { MessageRejectedError } from './rejection';

/** The SNS JSON envelope a queue receives when raw message delivery is off. */
const snsEnvelopeSchema = z.object({ Type: z.literal('Notification'), Message: z.string() });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
}

/** Checks the recipient against the rules of its channel (DOMAIN.md). */
function checkRecipient(message: NotificationMessage): void {
  const { type, recipient } = message;
  if (type === 'email' && !isEmailAddress(recipient)) {
    throw new MessageRejectedError(
      'INVALID_EMAIL_RECIPIENT',
      `email recipient is not an address: ${JSON.stringify(recipient)}`,
    );
  }
  if (type === 'sms' && !isE164(recipient)) {
    throw new MessageRejectedError(
      'INVALID_SMS_RECIPIENT',
      `SMS recipient is not E.164: ${JSON.stringify(recipient)}`,
    );
  }
  if (type === 'push' && !isPushEndpointArn(recipient)) {
    throw new MessageRejectedError(
      'INVALID_PUSH_RECIPIENT',
      `push recipient is not an SNS endpoint ARN: ${JSON.stringify(recipient)}`,
    );
  }
}

/**
 * Reads one SQS record body: an SNS envelope (`Type: "Notification"`, `Message` a JSON
 * string) or the bare message of raw delivery. Throws MessageRejectedError naming
 * the reason when the body cannot be parsed or validated.
 */
export function parseNotificationBody(body: string): NotificationMessage {
  const outer = parseJson(body);
  if (!outer.ok) {
    throw new MessageRejectedError('BODY_NOT_JSON', 'record body is not JSON', { cause: outer.error });
  }
  let candidate = outer.value;
  const envelope = snsEnvelopeSchema.safeParse(candidate);
  if (envelope.success) {
    const inner = parseJson(envelope.data.Message);
    if (!inner.ok) {
      throw new MessageRejectedError('ENVELOPE_MESSAGE_NOT_JSON', 'SNS envelope Message is not JSON', {
        cause: inner.error,
      });
    }
    candidate = inner.value;
  }
  const parsed = notificationMessageSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new MessageRejectedError(
      'INVALID_MESSAGE',
      `invalid notification message: ${describeIssues(parsed.error)}`,
    );
  }
  checkRecipient(parsed.data);
  return parsed.data;
}
