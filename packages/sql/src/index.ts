export { sqlConfigSchema, sqlTarget, type SqlConfig, type SqlTarget } from './config';
export {
  checkpointWal,
  isUniqueViolation,
  openDatabase,
  setWalCheckpointPages,
  toBigInt,
  type SqlDatabase,
  type SqlDriver,
} from './database';
export { migrateToLatest } from './migrate';
export { appendToOutbox, outboxMigration, SqlOutboxStore } from './outbox';
export { createScratchMysqlDatabase, mysqlSkipReason } from './testing';
