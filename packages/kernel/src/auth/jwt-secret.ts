import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config';
import { MIN_SECRET_BYTES } from './jwt';

const FILE = 'jwt-secret';

/**
 * The HS256 secret: JWT_SECRET when given (at least 32 bytes, else the process
 * refuses to start). Only the embedded mode may go without: it creates one in the
 * data directory, once, shared by every local service that reads the same file.
 */
export function resolveJwtSecret(options: { given?: string; embedded: boolean; dataDir: string }): string {
  if (options.given !== undefined) {
    if (Buffer.byteLength(options.given, 'utf8') < MIN_SECRET_BYTES) {
      throw new ConfigError([`JWT_SECRET: must be at least ${MIN_SECRET_BYTES} bytes (given (hidden))`]);
    }
    return options.given;
  }
  if (!options.embedded) {
    throw new ConfigError([
      `JWT_SECRET: required outside the embedded mode, at least ${MIN_SECRET_BYTES} bytes (unset)`,
    ]);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, FILE);
  try {
    // 'wx' fails when another process created it first; then everyone reads the winner's.
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new ConfigError([
      `JWT secret file ${file}: shorter than ${MIN_SECRET_BYTES} bytes; delete it to regenerate`,
    ]);
  }
  return secret;
}
