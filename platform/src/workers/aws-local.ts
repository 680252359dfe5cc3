/**
 * The AWS stand-ins of the local platform: dynalite (the DynamoDB API, persisted in
 * `<data>/dynalite`) and aws-ses-v2-local (the SES v2 API and the mailbox page). Both
 * are plain Node HTTP servers, used here as libraries so they need no Node runtime of
 * their own.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { env, parseConfig } from '@arka/kernel';
import { z } from 'zod';
import { requireFromRoot } from '../runtime/repo';
import { workerLogger } from './json-logger';

type Env = Readonly<Record<string, string | undefined>>;

/** dynalite's library entry (it ships no types): an http.Server, not yet listening. */
type Dynalite = (options: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;
type SesLocal = typeof import('aws-ses-v2-local');

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // dynalite's close also closes its LevelDB once the operations in flight are done.
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts dynalite on DYNALITE_PORT and the local SES on SES_PORT (both on HOST);
 * resolves once both listen. `close()` closes both.
 */
export async function startAwsLocal(environment: Env): Promise<{ close(): Promise<void> }> {
  const config = parseConfig(
    z.object({
      ARKA_DATA_DIR: z.string().min(1),
      HOST: z.string().min(1).default('127.0.0.1'),
      DYNALITE_PORT: env.port(4567),
      SES_PORT: env.port(8005),
    }),
    environment,
  );
  // Loaded from the repository's node_modules, never bundled: both read files beside
  // their sources (the mailbox page, dynalite's certificates) and LevelDB is native.
  const dynalite = requireFromRoot('dynalite') as Dynalite;
  const ses = requireFromRoot('aws-ses-v2-local') as SesLocal;

  const dynamo = dynalite({
    path: join(config.ARKA_DATA_DIR, 'dynalite'),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await listen(dynamo, config.DYNALITE_PORT, config.HOST);
  workerLogger.info({ part: 'dynalite', port: config.DYNALITE_PORT }, 'dynalite listening');
  const mail = await ses.default({ host: config.HOST, port: config.SES_PORT });
  // It resolves even when listening failed (express hands the error to its callback).
  if (!mail.listening) {
    await close(dynamo);
    throw new Error(`aws-ses-v2-local could not listen on ${config.HOST}:${config.SES_PORT}`);
  }
  workerLogger.info({ part: 'ses', port: config.SES_PORT }, 'aws-ses-v2-local listening');
  return {
    async close() {
      await Promise.all([close(mail), close(dynamo)]);
    },
  };
}
