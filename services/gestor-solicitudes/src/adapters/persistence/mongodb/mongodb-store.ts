/**
 * The store on MongoDB / Amazon DocumentDB 5.0 through the official driver.
 * Multi-document writes run in a session transaction (DocumentDB supports them;
 * retryable writes it does not, hence retryWrites=false in mongodb-connection.ts).
 * Only plain finds, counts and equality filters are used: no $facet, no $lookup.
 */
import type { OutboxMessage } from '@arka/messaging';
import { MongoServerError, type ClientSession, type Collection, type Db, type MongoClient } from 'mongodb';
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
import { COLLECTION_KEYS, COLLECTIONS, INDEXES } from './mongodb-indexes';
import { appendOutbox, MongoOutboxStore } from './mongodb-outbox-store';
import { pageOptions, solicitudQuery, SOLICITUD_SORT, type Stored } from './mongodb-queries';

const DUPLICATE_KEY = 11000;

/** Thrown inside a transaction to abort it when the request changed since it was read. */
class StaleVersion extends Error {}

function stored(doc: { id: string }): Stored {
  return { _id: doc.id, ...doc };
}

export class MongoSolicitudesStore implements SolicitudesStore {
  readonly outbox: MongoOutboxStore;
  private readonly proveedores: Collection<Stored>;
  private readonly solicitudes: Collection<Stored>;
  private readonly respuestas: Collection<Stored>;
  private readonly outboxDocs: Collection<Stored>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.proveedores = db.collection<Stored>(COLLECTIONS.proveedores);
    this.solicitudes = db.collection<Stored>(COLLECTIONS.solicitudes);
    this.respuestas = db.collection<Stored>(COLLECTIONS.respuestas);
    this.outboxDocs = db.collection<Stored>(COLLECTIONS.outbox);
    this.outbox = new MongoOutboxStore(this.outboxDocs);
  }

  /**
   * Connects, creates the collections (a DocumentDB transaction cannot create
   * one) and the indexes. The client is built by the composition root.
   */
  static async open(client: MongoClient, database: string): Promise<MongoSolicitudesStore> {
    try {
      await client.connect();
      const db = client.db(database);
      const existing = new Set(
        (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
      );
      for (const key of COLLECTION_KEYS) {
        const name = COLLECTIONS[key];
        if (!existing.has(name)) await db.createCollection(name);
        await db.collection(name).createIndexes([...INDEXES[key]]);
      }
      return new MongoSolicitudesStore(client, db);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async findProveedor(id: string): Promise<Proveedor | undefined> {
    const doc = await this.proveedores.findOne({ _id: id });
    return doc ? fromProveedorDocument(doc) : undefined;
  }

  async findProveedores(ids: readonly string[]): Promise<readonly Proveedor[]> {
    if (ids.length === 0) return [];
    const docs = await this.proveedores.find({ _id: { $in: [...ids] } }).toArray();
    return docs.map(fromProveedorDocument);
  }

  async listProveedores(page: PageRequest): Promise<PageResult<Proveedor>> {
    const [total, docs] = await Promise.all([
      this.proveedores.countDocuments({}),
      this.proveedores.find({}, pageOptions(page, { _id: 1 })).toArray(),
    ]);
    return { items: docs.map(fromProveedorDocument), total };
  }

  async insertProveedor(proveedor: Proveedor): Promise<boolean> {
    try {
      await this.proveedores.insertOne(stored(toProveedorDocument(proveedor)));
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async replaceProveedor(proveedor: Proveedor): Promise<boolean> {
    const result = await this.proveedores.replaceOne(
      { _id: proveedor.id },
      stored(toProveedorDocument(proveedor)),
    );
    return result.matchedCount === 1;
  }

  async seedProveedores(proveedores: readonly Proveedor[]): Promise<number> {
    if ((await this.proveedores.countDocuments({}, { limit: 1 })) > 0) return 0;
    try {
      await this.transaction(async (session) => {
        await this.proveedores.insertMany(
          proveedores.map((p) => stored(toProveedorDocument(p))),
          { session },
        );
      });
      return proveedores.length;
    } catch (error) {
      // Another process (the dispatcher, a second task) seeded them first.
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return 0;
      throw error;
    }
  }

  async insertSolicitudes(
    solicitudes: readonly Solicitud[],
    outbox: readonly OutboxMessage[],
  ): Promise<void> {
    await this.transaction(async (session) => {
      await this.solicitudes.insertMany(
        solicitudes.map((s) => stored(toSolicitudDocument(s))),
        { session },
      );
      await appendOutbox(this.outboxDocs, outbox, session);
    });
  }

  async findSolicitud(id: string): Promise<Solicitud | undefined> {
    const doc = await this.solicitudes.findOne({ _id: id });
    return doc ? fromSolicitudDocument(doc) : undefined;
  }

  async listSolicitudes(filter: SolicitudFilter, page: PageRequest): Promise<PageResult<Solicitud>> {
    const query = solicitudQuery(filter);
    const [total, docs] = await Promise.all([
      this.solicitudes.countDocuments(query),
      this.solicitudes.find(query, pageOptions(page, SOLICITUD_SORT)).toArray(),
    ]);
    return { items: docs.map(fromSolicitudDocument), total };
  }

  countSolicitudes(filter: SolicitudFilter): Promise<number> {
    return this.solicitudes.countDocuments(solicitudQuery(filter));
  }

  async updateSolicitud(
    solicitud: Solicitud,
    expectedVersion: number,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean> {
    return this.versioned(async (session) => {
      await this.replaceIfVersion(solicitud, expectedVersion, session);
      await appendOutbox(this.outboxDocs, outbox, session);
    });
  }

  async insertRespuesta(
    respuesta: Respuesta,
    solicitud: Solicitud,
    expectedVersion: number,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean> {
    return this.versioned(async (session) => {
      await this.replaceIfVersion(solicitud, expectedVersion, session);
      await this.respuestas.insertOne(stored(toRespuestaDocument(respuesta)), { session });
      await appendOutbox(this.outboxDocs, outbox, session);
    });
  }

  async listRespuestas(solicitudId: string): Promise<readonly Respuesta[]> {
    const docs = await this.respuestas.find({ solicitudId }, { sort: { secuencia: 1 } }).toArray();
    return docs.map(fromRespuestaDocument);
  }

  async listRespuestasDeGrupo(grupoId: string): Promise<readonly Respuesta[]> {
    const docs = await this.respuestas.find({ grupoId }).toArray();
    return docs.map(fromRespuestaDocument);
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async transaction(work: (session: ClientSession) => Promise<void>): Promise<void> {
    await this.client.withSession((session) => session.withTransaction(() => work(session)));
  }

  /** Runs `work` in a transaction; false when it aborted on a stale version. */
  private async versioned(work: (session: ClientSession) => Promise<void>): Promise<boolean> {
    try {
      await this.transaction(work);
      return true;
    } catch (error) {
      if (error instanceof StaleVersion) return false;
      throw error;
    }
  }

  private async replaceIfVersion(solicitud: Solicitud, expectedVersion: number, session: ClientSession) {
    const result = await this.solicitudes.replaceOne(
      { _id: solicitud.id, version: expectedVersion },
      stored(toSolicitudDocument(solicitud)),
      { session },
    );
    if (result.matchedCount !== 1) throw new StaleVersion(`solicitud ${solicitud.id} changed`);
  }
}
