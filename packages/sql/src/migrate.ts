import { Migrator, type Kysely, type Migration } from 'kysely';

/**
 * Runs a service's migrations to the latest version. Each service keeps its own
 * history table, so several services may share one MySQL schema (as tests do).
 * Migrations use Kysely's schema builder only, so one set works on both drivers.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Readonly<Record<string, Migration>>,
  history: { tableName: string },
): Promise<void> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: history.tableName,
    migrationLockTableName: `${history.tableName}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
