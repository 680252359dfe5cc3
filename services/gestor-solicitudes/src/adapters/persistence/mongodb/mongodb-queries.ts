import type { Filter, FindOptions, Sort } from 'mongodb';
import type { PageRequest, SolicitudFilter } from '../../../application/ports/solicitudes-store';

/** A document as stored in MongoDB: the codec's fields plus `_id`, the same as `id`. */
export type Stored = { _id: string } & Record<string, unknown>;

/** Equality on indexed fields only; a filter never carries an operator from input. */
export function solicitudQuery(filter: SolicitudFilter): Filter<Stored> {
  const query: Record<string, string> = {};
  if (filter.estado !== undefined) query.estado = filter.estado;
  if (filter.proveedorId !== undefined) query.proveedorId = filter.proveedorId;
  if (filter.grupoId !== undefined) query.grupoId = filter.grupoId;
  return query;
}

/** Newest first, then by id: the same order as the embedded store. */
export const SOLICITUD_SORT: Sort = { fechaCreacion: -1, _id: 1 };

/**
 * A page as find options. The total comes from a separate countDocuments: the
 * single-query $facet form is not supported by DocumentDB.
 */
export function pageOptions(page: PageRequest, sort: Sort): FindOptions {
  return { sort, skip: page.page * page.size, limit: page.size };
}

export const PENDING_OUTBOX: Filter<Stored> = { sentAt: null };
export const OUTBOX_ORDER: Sort = { createdAt: 1, position: 1, _id: 1 };
