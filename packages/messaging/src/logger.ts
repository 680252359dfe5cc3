/**
 * The logging this package needs, shaped like pino's (object first, message
 * second) so a service passes its own logger; the default writes JSON lines.
 */
export interface MessagingLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

function line(level: string, details: object, message: string): void {
  const payload = Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    ]),
  );
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), ...payload, msg: message })}\n`,
  );
}

export const stderrLogger: MessagingLogger = {
  info: (details, message) => line('info', details, message),
  warn: (details, message) => line('warn', details, message),
  error: (details, message) => line('error', details, message),
};

export const silentLogger: MessagingLogger = { info: () => {}, warn: () => {}, error: () => {} };
