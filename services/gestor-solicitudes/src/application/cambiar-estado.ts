import { OPTIMISTIC_ATTEMPTS, type GestorContext } from './context';
import { failure, success, type Outcome } from './outcome';
import { transition } from '../domain/estado';
import { actualizar, type EstadoSolicitud, type Solicitud } from '../domain/solicitud';

/** Moves a request along the state machine (staff only; the route checks the role). */
export async function cambiarEstado(
  ctx: GestorContext,
  id: string,
  nuevoEstado: EstadoSolicitud,
): Promise<Outcome<Solicitud>> {
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt += 1) {
    const solicitud = await ctx.store.findSolicitud(id);
    if (!solicitud) return failure({ kind: 'not-found', what: 'Solicitud', id });
    const step = transition(solicitud.estado, nuevoEstado);
    if (!step.ok) return failure({ kind: 'invalid-state', current: step.current, detail: step.reason });
    const updated = actualizar(solicitud, { estado: nuevoEstado }, ctx.runtime.now());
    if (await ctx.store.updateSolicitud(updated, solicitud.version, [])) return success(updated);
  }
  return failure({ kind: 'busy', detail: `Solicitud ${id} is being changed by others; try again.` });
}
