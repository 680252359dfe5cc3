import type { SupervisorEvent } from './child-spec';

/** The part of a stream the reporter writes to (process.stdout, or a test's buffer). */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ConsoleReporter {
  onEvent(event: SupervisorEvent): void;
  /** Ends the progress line before other text (the summary) is printed. */
  endProgress(): void;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

/**
 * Turns supervisor events into console text: while starting, one progress line that
 * rewrites itself on a terminal (a new line per change otherwise); crashes and
 * restarts as lines of their own with the last lines of the child's log.
 */
export function createConsoleReporter(out: Output): ConsoleReporter {
  let progressOpen = false;
  let lastProgress = '';
  let startupDone = false;

  const endProgress = () => {
    if (progressOpen) out.write('\n');
    progressOpen = false;
  };
  const line = (text: string) => {
    endProgress();
    out.write(`${text}\n`);
  };

  return {
    endProgress() {
      endProgress();
      startupDone = true;
    },
    onEvent(event) {
      switch (event.kind) {
        case 'starting': {
          if (startupDone) return;
          const text =
            event.pending.length === 0
              ? `all ${event.total} processes ready`
              : `starting: ${event.pending.join(', ')}… (${event.ready}/${event.total} ready)`;
          if (text === lastProgress) return;
          lastProgress = text;
          if (out.isTTY === true) {
            out.write(`\r\x1b[K${text}`);
            progressOpen = true;
          } else {
            out.write(`${text}\n`);
          }
          return;
        }
        case 'ready':
          if (event.restarted) line(`✔ ${event.name} restarted and ready`);
          return;
        case 'crashed':
          line(
            `✘ ${event.name} stopped unexpectedly (${event.exit}); restart #${event.restarts} in ${(event.restartInMs / 1000).toFixed(1)} s` +
              (event.logTail === '' ? '' : `. Last lines of its log:\n${indent(event.logTail)}`),
          );
          return;
        case 'gave-up':
          line(
            `✘ ${event.name} failed: ${event.reason}` +
              (event.logTail === '' ? '' : `. Last lines of its log:\n${indent(event.logTail)}`),
          );
          return;
        case 'stopping':
          line('Stopping Arka…');
          return;
        case 'stopped':
          line(
            event.killed.length === 0
              ? 'Stopped.'
              : `Stopped (killed after the grace period: ${event.killed.join(', ')}).`,
          );
          return;
      }
    },
  };
}
