import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe } from 'vitest';
import { mongoConnection } from '../src/adapters/persistence/mongodb/mongodb-connection';
import { MongoSolicitudesStore } from '../src/adapters/persistence/mongodb/mongodb-store';
import { storeContract } from './helpers/store-contract';

// The test edge reads the environment, as the CI script sets it; no MongoDB server can run on this machine.
const uri = process.env.MONGODB_URI;
if (!uri) {
  console.info(
    'MongoDB store contract suite skipped: MONGODB_URI is not set. Point it at a replica set (transactions) ' +
      'or DocumentDB, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/?replicaSet=rs0, to run it.',
  );
}

describe.skipIf(!uri)('MongoDB', () => {
  storeContract('MongoDB', async () => {
    const connection = mongoConnection({
      uri: uri ?? '',
      port: 27017,
      database: `arka_test_${randomUUID().slice(0, 8)}`,
    });
    const client = new MongoClient(connection.uri, connection.options);
    const store = await MongoSolicitudesStore.open(client, connection.database);
    return {
      store,
      cleanup: async () => {
        await client.db(connection.database).dropDatabase();
        await store.close();
      },
    };
  });
});
