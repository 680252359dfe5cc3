import type Database from 'better-sqlite3';

/**
 * One table per collection: the document as JSON in `doc`, and generated columns
 * (computed by SQLite from the JSON) for the fields the list filters, sorts and
 * optimistic writes use, each indexed. `CREATE … IF NOT EXISTS` makes start-up
 * idempotent, and safe when the dispatcher process opens the same file.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS proveedores (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL CHECK (json_valid(doc))
);
CREATE TABLE IF NOT EXISTS solicitudes (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  estado TEXT GENERATED ALWAYS AS (json_extract(doc, '$.estado')) VIRTUAL,
  proveedor_id TEXT GENERATED ALWAYS AS (json_extract(doc, '$.proveedorId')) VIRTUAL,
  grupo_id TEXT GENERATED ALWAYS AS (json_extract(doc, '$.grupoId')) VIRTUAL,
  fecha_creacion TEXT GENERATED ALWAYS AS (json_extract(doc, '$.fechaCreacion')) VIRTUAL,
  version INTEGER GENERATED ALWAYS AS (json_extract(doc, '$.version')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS solicitudes_estado_idx ON solicitudes (estado, fecha_creacion);
CREATE INDEX IF NOT EXISTS solicitudes_proveedor_idx ON solicitudes (proveedor_id, fecha_creacion);
CREATE INDEX IF NOT EXISTS solicitudes_grupo_idx ON solicitudes (grupo_id, fecha_creacion);
CREATE INDEX IF NOT EXISTS solicitudes_fecha_idx ON solicitudes (fecha_creacion);
CREATE TABLE IF NOT EXISTS respuestas (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  solicitud_id TEXT GENERATED ALWAYS AS (json_extract(doc, '$.solicitudId')) VIRTUAL,
  grupo_id TEXT GENERATED ALWAYS AS (json_extract(doc, '$.grupoId')) VIRTUAL,
  secuencia INTEGER GENERATED ALWAYS AS (json_extract(doc, '$.secuencia')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS respuestas_solicitud_idx ON respuestas (solicitud_id, secuencia);
CREATE INDEX IF NOT EXISTS respuestas_grupo_idx ON respuestas (grupo_id);
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  destination_kind TEXT NOT NULL,
  destination_name TEXT NOT NULL,
  body TEXT NOT NULL,
  attributes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_pending_idx ON outbox (sent_at, seq);
`;

/** WAL lets the HTTP process read while the dispatcher writes; writers wait instead of failing. */
export function prepareDatabase(db: Database.Database, busyTimeoutMs = 5000): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // SQLite's default page cache (2 MB) rather than better-sqlite3's 16 MB, which a growing file fills for good.
  db.pragma('cache_size = -2000');
  db.exec(SCHEMA);
}
