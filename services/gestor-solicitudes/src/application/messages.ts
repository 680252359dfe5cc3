import {
  QUEUE_NAMES,
  TOPIC_NAMES,
  notificationAttributes,
  type NotificationMessage,
  type OutboxMessage,
} from '@arka/messaging';
import { money } from '@arka/kernel';
import { z } from 'zod';
import { notificationPriority } from '../domain/prioridad';
import type { Proveedor } from '../domain/proveedor';
import type { Respuesta } from '../domain/respuesta';
import type { Solicitud } from '../domain/solicitud';

export const SERVICE_NAME = 'gestor-solicitudes';

/** The body of a dispatch job on the arka-solicitudes queue. */
export const dispatchJobSchema = z.object({ solicitudId: z.uuid() });
export type DispatchJob = z.infer<typeof dispatchJobSchema>;

/** The job that makes the dispatcher notify the request's supplier. */
export function dispatchJob(solicitud: Solicitud, id: string, now: Date): OutboxMessage {
  const job: DispatchJob = { solicitudId: solicitud.id };
  return {
    id,
    destination: { kind: 'queue', name: QUEUE_NAMES.solicitudes },
    body: JSON.stringify(job),
    attributes: { service: SERVICE_NAME, prioridad: solicitud.prioridad },
    createdAt: now,
  };
}

export function notificationOutbox(message: NotificationMessage): OutboxMessage {
  return {
    id: message.id,
    destination: { kind: 'topic', name: TOPIC_NAMES.notificaciones },
    body: JSON.stringify(message),
    attributes: notificationAttributes(message),
    createdAt: new Date(message.occurredAt),
  };
}

/** Purchasing hears of every answer at once (`high`, DOMAIN.md). */
export function purchasingNotification(
  respuesta: Respuesta,
  comprasEmail: string,
  id: string,
): NotificationMessage {
  const precio = money.format(respuesta.precioOfertado);
  return {
    id,
    type: 'email',
    recipient: comprasEmail,
    subject: `Respuesta de ${respuesta.proveedorId} a la solicitud ${respuesta.solicitudId}`,
    message:
      `El proveedor ${respuesta.proveedorId} respondió ${respuesta.estado} a la solicitud ` +
      `${respuesta.solicitudId}: precio ofertado ${precio}, entrega en ${respuesta.tiempoEntrega} días.`,
    priority: 'high',
    service: SERVICE_NAME,
    occurredAt: respuesta.fechaRespuesta.toISOString(),
  };
}

/**
 * What the dispatcher sends a supplier: an email, plus an SMS when the request is
 * URGENTE (a critical request should not wait for someone to read their mail).
 * The ids derive from the request, so a retried job sends messages with the same
 * ids and the idempotent notifications function delivers each once.
 */
export function supplierNotifications(
  solicitud: Solicitud,
  proveedor: Proveedor,
  now: Date,
): NotificationMessage[] {
  const priority = notificationPriority(solicitud.prioridad);
  const limite = solicitud.fechaLimiteRespuesta ? ` Fecha límite: ${solicitud.fechaLimiteRespuesta}.` : '';
  const productos = solicitud.productos
    .map((p) => `${p.cantidadSolicitada} × ${p.nombreProducto}`)
    .join(', ');
  const email: NotificationMessage = {
    id: `solicitud-${solicitud.id}-email`,
    type: 'email',
    recipient: proveedor.email,
    subject: `Nueva solicitud ${solicitud.tipoSolicitud} (${solicitud.prioridad}) ${solicitud.id}`,
    message: `Hola ${proveedor.nombre}: Arka le envía la solicitud ${solicitud.id} por ${productos}.${limite}`,
    priority,
    service: SERVICE_NAME,
    occurredAt: now.toISOString(),
  };
  if (solicitud.prioridad !== 'URGENTE') return [email];
  return [
    email,
    {
      id: `solicitud-${solicitud.id}-sms`,
      type: 'sms',
      recipient: proveedor.telefono,
      message: `Solicitud URGENTE ${solicitud.id.slice(0, 8)}: revise su correo.${limite}`,
      priority,
      service: SERVICE_NAME,
      occurredAt: now.toISOString(),
    },
  ];
}
