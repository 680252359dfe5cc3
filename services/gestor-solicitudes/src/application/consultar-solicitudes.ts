import { visibleTo, type GestorContext, type Scope } from './context';
import { failure, success, type Outcome } from './outcome';
import type { PageRequest, PageResult, SolicitudFilter } from './ports/solicitudes-store';
import { comparar, type Comparacion } from '../domain/comparacion';
import type { Respuesta } from '../domain/respuesta';
import type { Solicitud } from '../domain/solicitud';

/** Another supplier's request is reported missing, never shown (DOMAIN.md, roles). */
export async function getSolicitud(
  ctx: GestorContext,
  id: string,
  scope: Scope,
): Promise<Outcome<Solicitud>> {
  const solicitud = await ctx.store.findSolicitud(id);
  if (!solicitud || !visibleTo(scope, solicitud.proveedorId)) {
    return failure({ kind: 'not-found', what: 'Solicitud', id });
  }
  return success(solicitud);
}

/** A confined caller's own supplier id replaces whatever filter it asked for. */
export function listSolicitudes(
  ctx: GestorContext,
  filter: SolicitudFilter,
  page: PageRequest,
  scope: Scope,
): Promise<PageResult<Solicitud>> {
  const scoped = scope.confinedTo === undefined ? filter : { ...filter, proveedorId: scope.confinedTo };
  return ctx.store.listSolicitudes(scoped, page);
}

export async function listRespuestas(
  ctx: GestorContext,
  solicitudId: string,
  scope: Scope,
): Promise<Outcome<readonly Respuesta[]>> {
  const solicitud = await getSolicitud(ctx, solicitudId, scope);
  if (!solicitud.ok) return solicitud;
  return success(await ctx.store.listRespuestas(solicitudId));
}

export interface ComparacionDeGrupo extends Comparacion {
  readonly grupoId: string;
  readonly totalSolicitudes: number;
}

export async function compararGrupo(
  ctx: GestorContext,
  grupoId: string,
): Promise<Outcome<ComparacionDeGrupo>> {
  const totalSolicitudes = await ctx.store.countSolicitudes({ grupoId });
  if (totalSolicitudes === 0) return failure({ kind: 'not-found', what: 'Grupo', id: grupoId });
  const respuestas = await ctx.store.listRespuestasDeGrupo(grupoId);
  return success({ grupoId, totalSolicitudes, ...comparar(respuestas) });
}
