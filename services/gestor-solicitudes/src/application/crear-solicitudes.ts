import type { GestorContext } from './context';
import { dispatchJob } from './messages';
import { failure, success, type Outcome } from './outcome';
import {
  MAX_PROVEEDORES_POR_ENVIO,
  nuevaSolicitud,
  proveedoresUnicos,
  type Solicitud,
  type SolicitudDraft,
} from '../domain/solicitud';

/** Suppliers that cannot receive a request, each named. */
async function invalidProveedores(ctx: GestorContext, ids: readonly string[]) {
  const found = new Map((await ctx.store.findProveedores(ids)).map((p) => [p.id, p]));
  const unknown = ids.filter((id) => !found.has(id));
  const inactive = ids.filter((id) => found.get(id)?.activo === false);
  return unknown.length + inactive.length > 0 ? { unknown, inactive } : undefined;
}

/**
 * Creates one request per supplier, each with its dispatch job, in one write:
 * if any supplier is unknown or inactive nothing is written (all-or-nothing).
 * A group id is given when more than one supplier was asked for at once.
 */
async function crear(
  ctx: GestorContext,
  draft: SolicitudDraft,
  proveedorIds: readonly string[],
  grupoId: string | undefined,
): Promise<Outcome<readonly Solicitud[]>> {
  const invalid = await invalidProveedores(ctx, proveedorIds);
  if (invalid) return failure({ kind: 'proveedores-invalidos', ...invalid });
  const now = ctx.runtime.now();
  const solicitudes = proveedorIds.map((proveedorId) =>
    nuevaSolicitud(draft, { id: ctx.runtime.newId(), proveedorId, ...(grupoId ? { grupoId } : {}) }, now),
  );
  const jobs = solicitudes.map((s) => dispatchJob(s, ctx.runtime.newId(), now));
  await ctx.store.insertSolicitudes(solicitudes, jobs);
  ctx.outboxWritten?.();
  return success(solicitudes);
}

export async function crearSolicitud(
  ctx: GestorContext,
  draft: SolicitudDraft,
  proveedorId: string,
): Promise<Outcome<Solicitud>> {
  const outcome = await crear(ctx, draft, [proveedorId], undefined);
  if (!outcome.ok) return outcome;
  const [solicitud] = outcome.value;
  if (!solicitud) throw new Error('one supplier must yield one request');
  return success(solicitud);
}

export interface EnvioMultiple {
  readonly grupoId: string;
  readonly solicitudes: readonly Solicitud[];
}

/** The HTTP edge enforces 1 to 50 distinct ids first; this guards the use case itself. */
export async function crearSolicitudesMultiples(
  ctx: GestorContext,
  draft: SolicitudDraft,
  proveedorIds: readonly string[],
): Promise<Outcome<EnvioMultiple>> {
  const ids = proveedoresUnicos(proveedorIds);
  if (ids.length === 0 || ids.length > MAX_PROVEEDORES_POR_ENVIO) {
    throw new RangeError(`a bulk send needs 1 to ${MAX_PROVEEDORES_POR_ENVIO} suppliers, got ${ids.length}`);
  }
  const grupoId = ctx.runtime.newId();
  const outcome = await crear(ctx, draft, ids, grupoId);
  return outcome.ok ? success({ grupoId, solicitudes: outcome.value }) : outcome;
}
