import type { MessagingLogger } from '@arka/messaging';

function line(level: string, details: object, message: string): void {
  const fields = Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    ]),
  );
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), ...fields, msg: message })}\n`,
  );
}

/** JSON lines on stderr, which the supervisor sends to this worker's log file. */
export const workerLogger: MessagingLogger = {
  info: (details, message) => line('info', details, message),
  warn: (details, message) => line('warn', details, message),
  error: (details, message) => line('error', details, message),
};
