import type { OutboxMessage, OutboxStore } from '@arka/messaging';
import type { Proveedor } from '../../domain/proveedor';
import type { Respuesta } from '../../domain/respuesta';
import type { EstadoSolicitud, Solicitud } from '../../domain/solicitud';

/**
 * The persistence ports of the service. One store implements all three (an
 * embedded SQLite document store, or MongoDB / DocumentDB), so every write that
 * spans a request, its answers and its outbox messages is one transaction.
 */

export interface PageRequest {
  /** Zero-based. */
  readonly page: number;
  readonly size: number;
}

export interface PageResult<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface SolicitudFilter {
  readonly estado?: EstadoSolicitud;
  readonly proveedorId?: string;
  readonly grupoId?: string;
}

export interface ProveedorRepository {
  findProveedor(id: string): Promise<Proveedor | undefined>;
  /** The suppliers among `ids` that exist, in any order. */
  findProveedores(ids: readonly string[]): Promise<readonly Proveedor[]>;
  /** Ordered by id. */
  listProveedores(page: PageRequest): Promise<PageResult<Proveedor>>;
  /** false when the id is taken. */
  insertProveedor(proveedor: Proveedor): Promise<boolean>;
  /** false when no supplier has that id. */
  replaceProveedor(proveedor: Proveedor): Promise<boolean>;
  /** Inserts `proveedores` only when there are no suppliers at all; returns how many it inserted. */
  seedProveedores(proveedores: readonly Proveedor[]): Promise<number>;
}

export interface SolicitudRepository {
  /** Every request and every outbox message in one write: all of them or none. */
  insertSolicitudes(solicitudes: readonly Solicitud[], outbox: readonly OutboxMessage[]): Promise<void>;
  findSolicitud(id: string): Promise<Solicitud | undefined>;
  /** Newest first (then by id). */
  listSolicitudes(filter: SolicitudFilter, page: PageRequest): Promise<PageResult<Solicitud>>;
  countSolicitudes(filter: SolicitudFilter): Promise<number>;
  /**
   * Replaces a request whose stored version is `expectedVersion`, writing the
   * outbox messages in the same transaction. false when another write came first.
   */
  updateSolicitud(
    solicitud: Solicitud,
    expectedVersion: number,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean>;
}

export interface RespuestaRepository {
  /**
   * Stores an answer together with its request's new state (checked against
   * `expectedVersion`, as in updateSolicitud) and the outbox messages: one write.
   */
  insertRespuesta(
    respuesta: Respuesta,
    solicitud: Solicitud,
    expectedVersion: number,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean>;
  /** Oldest first. */
  listRespuestas(solicitudId: string): Promise<readonly Respuesta[]>;
  listRespuestasDeGrupo(grupoId: string): Promise<readonly Respuesta[]>;
}

export interface SolicitudesStore extends ProveedorRepository, SolicitudRepository, RespuestaRepository {
  /** The outbox these writes fill, for the relay. */
  readonly outbox: OutboxStore;
  /** Resolves when the store answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
