import type { CollectorLogger } from '../../src/application/ports';

export interface LogEntry {
  readonly level: 'info' | 'error';
  readonly message: string;
  readonly attributes: Record<string, unknown> | undefined;
}

export function recordingLogger(): CollectorLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (message, attributes) => entries.push({ level: 'info', message, attributes }),
    error: (message, attributes) => entries.push({ level: 'error', message, attributes }),
  };
}

export const fixedClock = (iso: string) => ({ now: () => new Date(iso) });
