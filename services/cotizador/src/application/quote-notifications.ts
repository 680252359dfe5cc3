import { money } from '@arka/kernel';
import {
  notificationAttributes,
  TOPIC_NAMES,
  type NotificationMessage,
  type OutboxMessage,
} from '@arka/messaging';
import type { Customer } from '../domain/customer';
import type { Quote } from '../domain/quote';

export const SERVICE_NAME = 'cotizador';

function toOutbox(notification: NotificationMessage, now: Date): OutboxMessage {
  return {
    // One id for the outbox row and the notification: consumers deduplicate on it.
    id: notification.id,
    destination: { kind: 'topic', name: TOPIC_NAMES.notificaciones },
    body: JSON.stringify(notification),
    attributes: notificationAttributes(notification),
    createdAt: now,
  };
}

/** To the customer, when its quote is created. */
export function quoteCreatedMessage(quote: Quote, customer: Customer, id: string, now: Date): OutboxMessage {
  return toOutbox(
    {
      id,
      type: 'email',
      recipient: customer.email,
      subject: `Cotización ${quote.id} creada`,
      message:
        `Hola ${customer.nombre}: su cotización ${quote.id} por ${money.format(quote.total)} COP ` +
        `(${quote.lineas.length} productos) fue creada y vence el ${quote.fechaVencimiento.toISOString().slice(0, 10)}.`,
      priority: 'normal',
      service: SERVICE_NAME,
      occurredAt: now.toISOString(),
    },
    now,
  );
}

/** To sales, when a customer or staff approves or rejects a quote. */
export function quoteResolvedMessage(
  quote: Quote,
  estado: 'APROBADA' | 'RECHAZADA',
  salesEmail: string,
  id: string,
  now: Date,
): OutboxMessage {
  return toOutbox(
    {
      id,
      type: 'email',
      recipient: salesEmail,
      subject: `Cotización ${quote.id} ${estado.toLowerCase()}`,
      message:
        `La cotización ${quote.id} del cliente ${quote.clienteId} por ${money.format(quote.total)} COP ` +
        `quedó ${estado}.`,
      priority: 'high',
      service: SERVICE_NAME,
      occurredAt: now.toISOString(),
    },
    now,
  );
}
