import { OPTIMISTIC_ATTEMPTS, visibleTo, type GestorContext, type Scope } from './context';
import { notificationOutbox, purchasingNotification } from './messages';
import { failure, success, type Outcome } from './outcome';
import { estadoTrasRespuesta } from '../domain/estado';
import { ofertaViolations, type Respuesta } from '../domain/respuesta';
import { actualizar } from '../domain/solicitud';

export type NuevaRespuesta = Omit<Respuesta, 'id' | 'grupoId' | 'fechaRespuesta' | 'secuencia'>;

/**
 * Records a supplier's answer: the request becomes RESPONDIDA and purchasing is
 * notified, in one write. A confined caller answering another supplier's request
 * gets not-found; the answer's supplier must be the request's.
 */
export async function responder(
  ctx: GestorContext,
  input: NuevaRespuesta,
  scope: Scope,
): Promise<Outcome<Respuesta>> {
  const violations = ofertaViolations(input);
  if (violations.length > 0)
    throw new RangeError(`unvalidated offer reached the use case: ${violations[0]?.message}`);
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt += 1) {
    const solicitud = await ctx.store.findSolicitud(input.solicitudId);
    if (!solicitud || !visibleTo(scope, solicitud.proveedorId)) {
      return failure({ kind: 'not-found', what: 'Solicitud', id: input.solicitudId });
    }
    if (solicitud.proveedorId !== input.proveedorId) {
      return failure({
        kind: 'proveedor-no-coincide',
        expected: solicitud.proveedorId,
        given: input.proveedorId,
      });
    }
    const step = estadoTrasRespuesta(solicitud.estado);
    if (!step.ok) return failure({ kind: 'invalid-state', current: step.current, detail: step.reason });
    const now = ctx.runtime.now();
    const secuencia = solicitud.respuestasRecibidas + 1;
    const respuesta: Respuesta = {
      ...input,
      id: ctx.runtime.newId(),
      ...(solicitud.grupoId ? { grupoId: solicitud.grupoId } : {}),
      fechaRespuesta: now,
      secuencia,
    };
    const updated = actualizar(solicitud, { estado: step.next, respuestasRecibidas: secuencia }, now);
    const notice = notificationOutbox(
      purchasingNotification(respuesta, ctx.comprasEmail, ctx.runtime.newId()),
    );
    if (await ctx.store.insertRespuesta(respuesta, updated, solicitud.version, [notice])) {
      ctx.outboxWritten?.();
      return success(respuesta);
    }
  }
  return failure({
    kind: 'busy',
    detail: `Solicitud ${input.solicitudId} is being answered by others; try again.`,
  });
}
