import { afterAll, beforeAll } from 'vitest';
import { DynamoDbAuditStore } from '../src/audit/dynamodb-audit-store';
import { InMemoryAuditStore } from '../src/audit/in-memory-audit-store';
import { auditStoreContract } from './helpers/audit-store-contract';
import { createAuditTable, documentClient } from './helpers/handler-deps';
import { startDynalite, type LocalServer } from './helpers/local-servers';

const options = { environment: 'test', ttlDays: 30, leaseSeconds: 60 };
const TABLE = 'audit-contract';
let dynalite: LocalServer | undefined;

beforeAll(async () => {
  dynalite = await startDynalite();
  await createAuditTable(dynalite.endpoint, TABLE);
});

afterAll(async () => {
  await dynalite?.stop();
});

auditStoreContract('InMemoryAuditStore', () => new InMemoryAuditStore(options));

auditStoreContract('DynamoDbAuditStore on dynalite', () => {
  if (dynalite === undefined) throw new Error('dynalite did not start');
  return new DynamoDbAuditStore(documentClient(dynalite.endpoint), { ...options, tableName: TABLE });
});
