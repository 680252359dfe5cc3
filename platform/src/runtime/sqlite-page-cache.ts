/**
 * better-sqlite3 as the children's bundles see it (runtime/bundle.ts points every
 * `better-sqlite3` import of our code here): the same constructor, whose connections
 * keep a small page cache. better-sqlite3 builds SQLite with a 16 MB cache per
 * connection, filled as a database grows and never given back; the local platform
 * opens about eight connections (each service's store, the broker from every process),
 * so the caches alone could grow the process tree by more than 100 MB.
 */
import Database from 'better-sqlite3';

/** KiB of page cache per connection (SQLite's own default; better-sqlite3's is 16,000). */
export const PAGE_CACHE_KIB = 2_000;

type Options = ConstructorParameters<typeof Database>[1];

/** Opens a connection as better-sqlite3 does, then sets its page cache. Works with and without `new`. */
function SmallCacheDatabase(filename?: string | Buffer, options?: Options): Database.Database {
  const database = new Database(filename, options);
  database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return database;
}
// Statics (SqliteError) and `instanceof` behave as better-sqlite3's own.
Object.setPrototypeOf(SmallCacheDatabase, Database);
SmallCacheDatabase.prototype = Database.prototype;

export default SmallCacheDatabase as unknown as typeof Database;
