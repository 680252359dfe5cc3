/**
 * The DLQ tool's commands over a DeadLetterAdmin: parses the arguments, prints
 * to the given streams and returns the exit code (0 done, 1 failure, 2 usage).
 */
import { parseArgs } from 'node:util';
import { resolveDeadLetterQueue, type DeadLetterAdmin } from './dead-letter-admin';

export const DLQ_HELP = `Usage: dlq <command> [queue] [--max N]

Lists, shows and redrives the dead-letter queues of Arka.

Commands:
  list                 every dead-letter queue with its source queue and depth
  show <queue>         the messages of a dead-letter queue, left in place (--max, default 10)
  redrive <queue>      moves messages back to the source queue (--max, default all)
  help                 this text

<queue> is a dead-letter queue (arka-solicitudes-dlq) or its source queue (arka-solicitudes).

Environment:
  MESSAGING_DRIVER     embedded (default) or aws
  ARKA_DATA_DIR        embedded: folder of broker.sqlite (default ./.arka-data)
  AWS_REGION, MESSAGING_ENDPOINT, MESSAGING_QUEUE_URLS
                       aws: region, optional endpoint, JSON map of queue name to URL
                       (both each DLQ and its source queue must be listed)
`;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

function parseMax(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function runDlqCommand(
  argv: readonly string[],
  admin: DeadLetterAdmin,
  io: Output,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { max: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${DLQ_HELP}`);
    return 2;
  }
  const [command, queueArg] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === 'help') {
    io.out(DLQ_HELP);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  if (command === 'list') {
    const queues = await admin.list();
    const rows = queues.map((q) => [q.name, q.sourceQueue, String(q.depth), String(q.inFlight)]);
    for (const line of table([['DEAD-LETTER QUEUE', 'SOURCE', 'DEPTH', 'IN FLIGHT'], ...rows])) io.out(line);
    return 0;
  }
  if (command !== 'show' && command !== 'redrive') {
    io.err(`unknown command "${command}"\n\n${DLQ_HELP}`);
    return 2;
  }
  const max = parseMax(parsed.values.max, command === 'show' ? 10 : Number.MAX_SAFE_INTEGER);
  if (max === undefined) {
    io.err(`--max must be a positive integer; got "${parsed.values.max}"`);
    return 2;
  }
  const known = await admin.list();
  const dlq = queueArg === undefined ? undefined : resolveDeadLetterQueue(queueArg, known);
  if (dlq === undefined) {
    const names = known.map((q) => q.name).join(', ');
    io.err(
      `${queueArg === undefined ? 'missing queue' : `unknown dead-letter queue "${queueArg}"`}; known: ${names}`,
    );
    return 2;
  }
  if (command === 'show') {
    const messages = await admin.show(dlq.name, max);
    io.out(`${dlq.name}: ${messages.length} message(s) shown`);
    for (const m of messages) {
      io.out(
        `\n${m.messageId}  received ${m.receiveCount}×${m.sentAt ? `  sent ${m.sentAt.toISOString()}` : ''}`,
      );
      if (Object.keys(m.attributes).length > 0) io.out(`  attributes: ${JSON.stringify(m.attributes)}`);
      io.out(`  ${m.body}`);
    }
    return 0;
  }
  const moved = await admin.redrive(dlq.name, max);
  io.out(`moved ${moved} message(s) from ${dlq.name} to ${dlq.sourceQueue}`);
  return 0;
}
