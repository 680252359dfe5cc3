import { isMainThread } from 'node:worker_threads';
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export interface LoggerSettings {
  readonly service: string;
  readonly level: string;
}

/** Options shared by every service's logger (also handed to Fastify). */
export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    // Credentials never reach a log line, whatever logs them.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.refreshToken',
        '*.accessToken',
        'password',
        'refreshToken',
      ],
      censor: '[redacted]',
    },
  };
}

/** Lines are written once this many bytes are pending (about 15 request lines)… */
export const LOG_BATCH_BYTES = 4096;
/** …and at least this often, so a quiet service's lines do not wait for a full batch. */
export const LOG_FLUSH_MS = 500;

/**
 * Logs to stdout in batches, without waiting for each write: one write(2) per line,
 * each handed to the thread pool, cost the gateway and the cotizador about 5 % of
 * their CPU at info level (a thread woken and a completion posted back per line).
 * A quiet service's lines still appear within LOG_FLUSH_MS, and pino flushes what is
 * pending when the process exits, an uncaught exception included; a SIGKILL loses at
 * most the pending batch. A worker thread, which pino cannot flush on exit, writes
 * each line as it comes.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const destination = isMainThread
    ? pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES, periodicFlush: LOG_FLUSH_MS })
    : pino.destination({ dest: 1, sync: true });
  return pino(loggerOptions(settings), destination);
}
