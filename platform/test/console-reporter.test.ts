import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from '../src/supervisor/console-reporter';

function capture(isTTY: boolean) {
  let text = '';
  return { out: { isTTY, write: (chunk: string) => (text += chunk) }, text: () => text };
}

describe('console reporter', () => {
  it('prints one progress line per change when not on a terminal', () => {
    // Prepare
    const screen = capture(false);
    const reporter = createConsoleReporter(screen.out);

    // Act
    reporter.onEvent({ kind: 'starting', pending: ['gateway', 'cotizador'], ready: 0, total: 2 });
    reporter.onEvent({ kind: 'starting', pending: ['gateway', 'cotizador'], ready: 0, total: 2 });
    reporter.onEvent({ kind: 'starting', pending: ['gateway'], ready: 1, total: 2 });

    // Assess
    expect(screen.text()).toBe('starting: gateway, cotizador… (0/2 ready)\nstarting: gateway… (1/2 ready)\n');
  });

  it('rewrites a single progress line on a terminal and ends it before other text', () => {
    // Prepare
    const screen = capture(true);
    const reporter = createConsoleReporter(screen.out);

    // Act
    reporter.onEvent({ kind: 'starting', pending: ['gateway'], ready: 1, total: 2 });
    reporter.onEvent({ kind: 'starting', pending: [], ready: 2, total: 2 });
    reporter.endProgress();
    reporter.onEvent({ kind: 'starting', pending: ['gateway'], ready: 1, total: 2 });

    // Assess
    expect(screen.text()).toBe('\r\x1b[Kstarting: gateway… (1/2 ready)\r\x1b[Kall 2 processes ready\n');
  });

  it('reports a crash with the restart delay and the last lines of the log', () => {
    // Prepare
    const screen = capture(false);
    const reporter = createConsoleReporter(screen.out);

    // Act
    reporter.onEvent({
      kind: 'crashed',
      name: 'cotizador',
      exit: 'signal SIGKILL',
      restartInMs: 1000,
      restarts: 2,
      logTail: 'listening\nout of memory',
    });
    reporter.onEvent({ kind: 'ready', name: 'cotizador', restarted: true });

    // Assess
    expect(screen.text()).toBe(
      '✘ cotizador stopped unexpectedly (signal SIGKILL); restart #2 in 1.0 s. Last lines of its log:\n' +
        '    listening\n    out of memory\n' +
        '✔ cotizador restarted and ready\n',
    );
  });
});
