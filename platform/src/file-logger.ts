import { appendFileSync } from 'node:fs';
import type { CollectorLogger } from '@arka/metrics';

/** JSON lines appended to a file: the supervisor's own log, beside its children's. */
export function fileLogger(file: string, service: string): CollectorLogger {
  const write = (level: string, message: string, attributes: Record<string, unknown> = {}) =>
    appendFileSync(
      file,
      `${JSON.stringify({ level, time: new Date().toISOString(), service, msg: message, ...attributes })}\n`,
    );
  return {
    info: (message, attributes) => write('info', message, attributes),
    error: (message, attributes) => write('error', message, attributes),
  };
}
