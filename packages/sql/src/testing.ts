import { randomBytes } from 'node:crypto';

/**
 * A scratch MySQL database for one test file, created under the server of
 * MYSQL_URL (whose user may create databases, as .ci/run's does) and dropped after.
 */
export async function createScratchMysqlDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { createConnection } = await import('mysql2/promise');
  const name = `arka_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection({ uri: baseUrl });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const conn = await createConnection({ uri: baseUrl });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

/** Why a MySQL suite is skipped, printed once so nobody mistakes a skip for a pass. */
export function mysqlSkipReason(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env['MYSQL_URL']
    ? undefined
    : 'MYSQL_URL is not set: MySQL contract suite skipped (.ci/run sets it with a throwaway MariaDB)';
}
