import { createScratchMysqlDatabase, mysqlSkipReason, openDatabase } from '@arka/sql';
import { describe } from 'vitest';
import type { GatewayDb } from '../src/adapters/persistence/schema';
import { gatewayRepositoryContract } from './helpers/repository-contract';

describe('gateway repositories on SQLite', () => {
  gatewayRepositoryContract(async () => {
    const database = openDatabase<GatewayDb>({ driver: 'sqlite', file: ':memory:' });
    return { database, dispose: () => database.close() };
  });
});

const skip = mysqlSkipReason(process.env);
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('gateway repositories on MySQL', () => {
  gatewayRepositoryContract(async () => {
    const scratch = await createScratchMysqlDatabase(process.env['MYSQL_URL'] ?? '');
    const database = openDatabase<GatewayDb>({ driver: 'mysql', uri: scratch.url, poolSize: 5 });
    return {
      database,
      dispose: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  });
});
