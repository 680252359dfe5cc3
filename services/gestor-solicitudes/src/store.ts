import { join } from 'node:path';
import type { Logger } from '@arka/kernel';
import { MongoClient } from 'mongodb';
import { EmbeddedSolicitudesStore } from './adapters/persistence/embedded/embedded-store';
import { mongoConnection } from './adapters/persistence/mongodb/mongodb-connection';
import { MongoSolicitudesStore } from './adapters/persistence/mongodb/mongodb-store';
import { DEMO_PROVEEDORES } from './application/proveedores';
import type { SolicitudesStore } from './application/ports/solicitudes-store';
import { isEmbedded, mongoSettings, type GestorConfig } from './config';

export const EMBEDDED_FILE = 'gestor-solicitudes.sqlite';

/**
 * Picks the store from configuration: MongoDB / DocumentDB when it is configured,
 * otherwise the embedded SQLite document store, seeded with the demo suppliers
 * when it has none. Indexes are created on open either way.
 */
export async function openStore(config: GestorConfig, logger: Logger): Promise<SolicitudesStore> {
  if (!isEmbedded(config)) {
    const connection = mongoConnection(mongoSettings(config));
    const store = await MongoSolicitudesStore.open(
      new MongoClient(connection.uri, connection.options),
      connection.database,
    );
    logger.info(
      { database: connection.database, tls: Boolean(config.MONGODB_TLS_CA_FILE) },
      'MongoDB store ready',
    );
    return store;
  }
  const file = join(config.ARKA_DATA_DIR, EMBEDDED_FILE);
  const store = EmbeddedSolicitudesStore.open(file);
  const seeded = await store.seedProveedores(DEMO_PROVEEDORES);
  if (seeded > 0) logger.info({ proveedores: DEMO_PROVEEDORES.map((p) => p.id) }, 'demo suppliers created');
  logger.info({ file }, 'embedded document store ready');
  return store;
}
