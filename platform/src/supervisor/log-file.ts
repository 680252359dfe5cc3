import { appendFileSync, closeSync, openSync, readSync, statSync } from 'node:fs';

/**
 * Each child writes straight into its own log file (the file descriptor is handed to
 * the child), so the supervisor never copies log bytes and the console stays readable.
 */
export function openLogFd(file: string, header: string): number {
  appendFileSync(file, `\n--- ${new Date().toISOString()} ${header}\n`);
  return openSync(file, 'a');
}

export function closeLogFd(fd: number): void {
  closeSync(fd);
}

/** The last `lines` lines of a log, for a crash report. */
export function logTail(file: string, lines = 15, maxBytes = 4096): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return '';
  }
  const length = Math.min(size, maxBytes);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
