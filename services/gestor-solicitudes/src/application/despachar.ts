import { TOPIC_NAMES, type TopicPublisher } from '@arka/messaging';
import { OPTIMISTIC_ATTEMPTS } from './context';
import { notificationOutbox, supplierNotifications } from './messages';
import type { Runtime } from './ports/runtime';
import type { SolicitudesStore } from './ports/solicitudes-store';
import { actualizar, type Solicitud } from '../domain/solicitud';

export interface DispatchContext {
  readonly store: Pick<SolicitudesStore, 'findSolicitud' | 'findProveedor' | 'updateSolicitud'>;
  readonly runtime: Runtime;
  /** The dispatcher publishes one message at a time, as each request is sent. */
  readonly publisher: Pick<TopicPublisher, 'publish'>;
}

export type DispatchResult = 'sent' | 'skipped';

/** Only a request nobody has notified yet, and that is still open for answers, is sent. */
function needsSending(solicitud: Solicitud): boolean {
  return (
    solicitud.fechaEnvio === undefined && (solicitud.estado === 'PENDIENTE' || solicitud.estado === 'ENVIADA')
  );
}

/**
 * Handles one dispatch job: notifies the request's supplier on arka-notificaciones
 * and marks the request ENVIADA. Idempotent: a job delivered again finds the
 * request already sent (or answered, or cancelled) and sends nothing; a job that
 * fails between the publish and the write publishes again with the same message
 * ids, which the notifications function delivers once. Any failure throws, so the
 * job stays on the queue, is retried, and ends in the dead-letter queue.
 */
export async function despacharSolicitud(ctx: DispatchContext, solicitudId: string): Promise<DispatchResult> {
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt += 1) {
    const solicitud = await ctx.store.findSolicitud(solicitudId);
    if (!solicitud) throw new Error(`Solicitud ${solicitudId} does not exist`);
    if (!needsSending(solicitud)) return 'skipped';
    const proveedor = await ctx.store.findProveedor(solicitud.proveedorId);
    if (!proveedor)
      throw new Error(`Proveedor ${solicitud.proveedorId} of solicitud ${solicitudId} does not exist`);
    const now = ctx.runtime.now();
    for (const notification of supplierNotifications(solicitud, proveedor, now)) {
      const { body, attributes } = notificationOutbox(notification);
      await ctx.publisher.publish(TOPIC_NAMES.notificaciones, { body, attributes });
    }
    const sent = actualizar(solicitud, { estado: 'ENVIADA', fechaEnvio: now }, now);
    if (await ctx.store.updateSolicitud(sent, solicitud.version, [])) return 'sent';
  }
  throw new Error(`Solicitud ${solicitudId} kept changing while being dispatched`);
}
