/**
 * The embedded document store: SQLite holding one JSON document per row (see
 * sqlite-schema.ts). Every multi-document write runs in one IMMEDIATE transaction,
 * which also serialises it against the dispatcher process sharing the file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutboxMessage } from '@arka/messaging';
import Database from 'better-sqlite3';
import type {
  PageRequest,
  PageResult,
  SolicitudFilter,
  SolicitudesStore,
} from '../../../application/ports/solicitudes-store';
import type { Proveedor } from '../../../domain/proveedor';
import type { Respuesta } from '../../../domain/respuesta';
import type { Solicitud } from '../../../domain/solicitud';
import {
  fromProveedorDocument,
  fromRespuestaDocument,
  fromSolicitudDocument,
  toProveedorDocument,
  toRespuestaDocument,
  toSolicitudDocument,
} from '../documents';
import { appendOutbox, EmbeddedOutboxStore } from './embedded-outbox-store';
import { countOf, docOf } from './rows';
import { prepareDatabase } from './sqlite-schema';

/** The list filters, each an indexed generated column; values are always bound, never inlined. */
function where(filter: SolicitudFilter): { sql: string; params: string[] } {
  const columns: string[] = [];
  const params: string[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    columns.push(`${column} = ?`);
    params.push(value);
  };
  add('estado', filter.estado);
  add('proveedor_id', filter.proveedorId);
  add('grupo_id', filter.grupoId);
  return { sql: columns.length > 0 ? `WHERE ${columns.join(' AND ')}` : '', params };
}

export class EmbeddedSolicitudesStore implements SolicitudesStore {
  readonly outbox: EmbeddedOutboxStore;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {
    this.outbox = new EmbeddedOutboxStore(db);
  }

  /** Prepared once per SQL text: preparing costs more than running for these small statements. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Opens (or creates) the file, its tables and indexes. `:memory:` gives a private store. */
  static open(path: string): EmbeddedSolicitudesStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      prepareDatabase(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new EmbeddedSolicitudesStore(db);
  }

  async findProveedor(id: string): Promise<Proveedor | undefined> {
    const row = this.sql('SELECT doc FROM proveedores WHERE id = ?').get(id);
    return row === undefined ? undefined : fromProveedorDocument(docOf(row));
  }

  async findProveedores(ids: readonly string[]): Promise<readonly Proveedor[]> {
    if (ids.length === 0) return [];
    const rows = this.sql(`SELECT doc FROM proveedores WHERE id IN (${ids.map(() => '?').join(', ')})`).all(
      ...ids,
    );
    return rows.map((row) => fromProveedorDocument(docOf(row)));
  }

  async listProveedores(page: PageRequest): Promise<PageResult<Proveedor>> {
    const total = countOf(this.sql('SELECT count(*) AS n FROM proveedores').get());
    const rows = this.sql('SELECT doc FROM proveedores ORDER BY id LIMIT ? OFFSET ?').all(
      page.size,
      page.page * page.size,
    );
    return { items: rows.map((row) => fromProveedorDocument(docOf(row))), total };
  }

  async insertProveedor(proveedor: Proveedor): Promise<boolean> {
    const result = this.sql(
      'INSERT INTO proveedores (id, doc) VALUES (?, ?) ON CONFLICT (id) DO NOTHING',
    ).run(proveedor.id, JSON.stringify(toProveedorDocument(proveedor)));
    return result.changes === 1;
  }

  async replaceProveedor(proveedor: Proveedor): Promise<boolean> {
    const result = this.sql('UPDATE proveedores SET doc = ? WHERE id = ?').run(
      JSON.stringify(toProveedorDocument(proveedor)),
      proveedor.id,
    );
    return result.changes === 1;
  }

  async seedProveedores(proveedores: readonly Proveedor[]): Promise<number> {
    const insert = this.sql('INSERT INTO proveedores (id, doc) VALUES (?, ?)');
    return this.db
      .transaction(() => {
        if (countOf(this.sql('SELECT count(*) AS n FROM proveedores').get()) > 0) return 0;
        for (const p of proveedores) insert.run(p.id, JSON.stringify(toProveedorDocument(p)));
        return proveedores.length;
      })
      .immediate();
  }

  async insertSolicitudes(
    solicitudes: readonly Solicitud[],
    outbox: readonly OutboxMessage[],
  ): Promise<void> {
    const insert = this.sql('INSERT INTO solicitudes (id, doc) VALUES (?, ?)');
    this.db
      .transaction(() => {
        for (const s of solicitudes) insert.run(s.id, JSON.stringify(toSolicitudDocument(s)));
        appendOutbox(this.outbox, outbox);
      })
      .immediate();
  }

  async findSolicitud(id: string): Promise<Solicitud | undefined> {
    const row = this.sql('SELECT doc FROM solicitudes WHERE id = ?').get(id);
    return row === undefined ? undefined : fromSolicitudDocument(docOf(row));
  }

  async listSolicitudes(filter: SolicitudFilter, page: PageRequest): Promise<PageResult<Solicitud>> {
    const { sql, params } = where(filter);
    const total = countOf(this.sql(`SELECT count(*) AS n FROM solicitudes ${sql}`).get(...params));
    const rows = this.sql(
      `SELECT doc FROM solicitudes ${sql} ORDER BY fecha_creacion DESC, id LIMIT ? OFFSET ?`,
    ).all(...params, page.size, page.page * page.size);
    return { items: rows.map((row) => fromSolicitudDocument(docOf(row))), total };
  }

  async countSolicitudes(filter: SolicitudFilter): Promise<number> {
    const { sql, params } = where(filter);
    return countOf(this.sql(`SELECT count(*) AS n FROM solicitudes ${sql}`).get(...params));
  }

  async updateSolicitud(
    solicitud: Solicitud,
    expectedVersion: number,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (!this.replaceIfVersion(solicitud, expectedVersion)) return false;
        appendOutbox(this.outbox, outbox);
        return true;
      })
      .immediate();
  }

  async insertRespuesta(
    respuesta: Respuesta,
    solicitud: Solicitud,
    expectedVersion: number,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean> {
    const insert = this.sql('INSERT INTO respuestas (id, doc) VALUES (?, ?)');
    return this.db
      .transaction(() => {
        if (!this.replaceIfVersion(solicitud, expectedVersion)) return false;
        insert.run(respuesta.id, JSON.stringify(toRespuestaDocument(respuesta)));
        appendOutbox(this.outbox, outbox);
        return true;
      })
      .immediate();
  }

  async listRespuestas(solicitudId: string): Promise<readonly Respuesta[]> {
    const rows = this.sql('SELECT doc FROM respuestas WHERE solicitud_id = ? ORDER BY secuencia').all(
      solicitudId,
    );
    return rows.map((row) => fromRespuestaDocument(docOf(row)));
  }

  async listRespuestasDeGrupo(grupoId: string): Promise<readonly Respuesta[]> {
    const rows = this.sql('SELECT doc FROM respuestas WHERE grupo_id = ?').all(grupoId);
    return rows.map((row) => fromRespuestaDocument(docOf(row)));
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private replaceIfVersion(solicitud: Solicitud, expectedVersion: number): boolean {
    const result = this.sql('UPDATE solicitudes SET doc = ? WHERE id = ? AND version = ?').run(
      JSON.stringify(toSolicitudDocument(solicitud)),
      solicitud.id,
      expectedVersion,
    );
    return result.changes === 1;
  }
}
