import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedBroker } from '../../src/embedded/embedded-broker';
import { runDlqCommand } from '../../src/dlq/dlq-command';
import { EmbeddedDeadLetterAdmin } from '../../src/dlq/embedded-dead-letter-admin';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';

const SOURCE = 'arka-cotizaciones'; // DLQ after 3 receives
const DLQ = 'arka-cotizaciones-dlq';
const CLI = fileURLToPath(new URL('../../src/cli/dlq.ts', import.meta.url));

function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

/** Sends a message and fails it until the broker dead-letters it. */
async function deadLetter(broker: EmbeddedBroker, clock: FakeClock, body: string): Promise<void> {
  await broker.send(SOURCE, { body, attributes: { kind: 'quote', total: 10 } });
  for (let i = 0; i < 4; i++) {
    await broker.receive(SOURCE, { waitTimeSeconds: 0 });
    clock.advanceSeconds(300);
  }
}

describe('dlq command on the embedded broker', () => {
  let dir: ReturnType<typeof tempBrokerDir>;
  let clock: FakeClock;
  let broker: EmbeddedBroker;
  let admin: EmbeddedDeadLetterAdmin;

  beforeEach(() => {
    dir = tempBrokerDir();
    clock = new FakeClock();
    broker = openBroker({ path: dir.path(), clock });
    admin = new EmbeddedDeadLetterAdmin(broker);
  });

  afterEach(async () => {
    await admin.close();
    dir.cleanup();
  });

  it('lists every dead-letter queue with its source and depth', async () => {
    await deadLetter(broker, clock, 'q1');
    const { out, io } = captureOutput();

    const code = await runDlqCommand(['list'], admin, io);

    expect(code).toBe(0);
    expect(out[0]).toMatch(/^DEAD-LETTER QUEUE\s+SOURCE\s+DEPTH\s+IN FLIGHT$/);
    expect(out.find((l) => l.startsWith(DLQ))).toMatch(/^arka-cotizaciones-dlq\s+arka-cotizaciones\s+1\s+0$/);
    expect(out.filter((l) => l.includes('-dlq'))).toHaveLength(3);
  });

  it('shows the messages of a dead-letter queue and leaves them there', async () => {
    await deadLetter(broker, clock, '{"cotizacionId":"COT-1"}');
    const { out, io } = captureOutput();

    const code = await runDlqCommand(['show', DLQ], admin, io);

    expect(code).toBe(0);
    expect(out.join('\n')).toContain('{"cotizacionId":"COT-1"}');
    expect(out.join('\n')).toContain('"kind":"quote"');
    expect(out.join('\n')).toContain('received 3×');
    expect(broker.stats(DLQ).visible).toBe(1);
  });

  it('redrives a dead-letter queue named by its source queue back to that queue', async () => {
    await deadLetter(broker, clock, 'a');
    await deadLetter(broker, clock, 'b');
    const { out, io } = captureOutput();

    const code = await runDlqCommand(['redrive', SOURCE, '--max', '1'], admin, io);
    const back = await broker.receive(SOURCE, { waitTimeSeconds: 0, maxMessages: 10 });

    expect(code).toBe(0);
    expect(out).toEqual([`moved 1 message(s) from ${DLQ} to ${SOURCE}`]);
    expect(back.map((m) => [m.body, m.receiveCount, m.attributes])).toEqual([
      ['a', 1, { kind: 'quote', total: 10 }],
    ]);
    expect(broker.stats(DLQ).visible).toBe(1);
  });

  it('fails with the known dead-letter queues if the queue is unknown', async () => {
    const { err, io } = captureOutput();

    const code = await runDlqCommand(['show', 'arka-nope'], admin, io);

    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/unknown dead-letter queue "arka-nope"; known: .*arka-solicitudes-dlq/);
  });

  it.each([
    ['an unknown command', ['purge', DLQ]],
    ['a --max that is not a positive integer', ['show', DLQ, '--max', '0']],
    ['a missing queue', ['redrive']],
    ['an unknown option', ['list', '--all']],
  ])('fails with a usage error on %s', async (_what, argv) => {
    const { err, io } = captureOutput();

    expect(await runDlqCommand(argv, admin, io)).toBe(2);
    expect(err.join('\n')).not.toBe('');
  });

  it('prints the help text', async () => {
    const { out, io } = captureOutput();

    expect(await runDlqCommand(['help'], admin, io)).toBe(0);
    expect(out.join('\n')).toContain('Usage: dlq <command>');
  });

  it('runs as a command-line tool on the broker file in ARKA_DATA_DIR', async () => {
    // The child runs on the real clock: dead-letter an hour ago, well inside the retention period.
    clock.setTime(Date.now() - 3_600_000);
    await deadLetter(broker, clock, 'from the file');

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, 'list'], {
      env: {
        ...process.env,
        ARKA_DATA_DIR: dir.path('.').replace(/\/\.$/, ''),
        MESSAGING_DRIVER: 'embedded',
      },
    });

    expect(stdout).toMatch(/arka-cotizaciones-dlq\s+arka-cotizaciones\s+1\s+0/);
  });
});
