import type { IndexDescription } from 'mongodb';

export const COLLECTIONS = {
  proveedores: 'proveedores',
  solicitudes: 'solicitudes',
  respuestas: 'respuestas',
  outbox: 'outbox',
} as const;

export const COLLECTION_KEYS = ['proveedores', 'solicitudes', 'respuestas', 'outbox'] as const;

/**
 * The indexes created at start-up, per collection: one for each list filter
 * (estado, proveedorId, grupoId, each with the list's sort), the answers of a
 * request and of a group, and the outbox's pending scan. All plain B-tree
 * indexes, which DocumentDB 5.0 supports.
 */
export const INDEXES: Readonly<Record<keyof typeof COLLECTIONS, readonly IndexDescription[]>> = {
  proveedores: [{ key: { activo: 1 }, name: 'proveedores_activo' }],
  solicitudes: [
    { key: { estado: 1, fechaCreacion: -1 }, name: 'solicitudes_estado' },
    { key: { proveedorId: 1, fechaCreacion: -1 }, name: 'solicitudes_proveedor' },
    { key: { grupoId: 1, fechaCreacion: -1 }, name: 'solicitudes_grupo' },
    { key: { fechaCreacion: -1, _id: 1 }, name: 'solicitudes_fecha' },
  ],
  respuestas: [
    { key: { solicitudId: 1, secuencia: 1 }, name: 'respuestas_solicitud' },
    { key: { grupoId: 1 }, name: 'respuestas_grupo' },
  ],
  outbox: [{ key: { sentAt: 1, createdAt: 1, position: 1 }, name: 'outbox_pending' }],
};
