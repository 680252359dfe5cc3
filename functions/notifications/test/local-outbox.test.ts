import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalOutbox, listLocalOutbox, OUTBOX_FILE_NAME } from '../src/local-outbox/local-outbox';
import {
  LocalOutboxCriticalAlertPublisher,
  LocalOutboxPushSender,
  LocalOutboxSmsSender,
} from '../src/local-outbox/local-outbox-senders';
import { formatOutbox } from '../src/local-outbox/format-outbox';

const AT = new Date('2026-12-03T10:00:00.000Z');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arka-outbox-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local outbox', () => {
  it('lists nothing before anything was sent', async () => {
    expect(await listLocalOutbox(join(dir, 'not-created'))).toEqual([]);
  });

  it('lists the SMS, push and alerts sent, oldest first, with distinct ids', async () => {
    const outbox = new LocalOutbox(join(dir, 'data'), () => AT);
    const sms = await new LocalOutboxSmsSender(outbox).send({ to: '+573001234567', text: 'Arka: hola' });
    const push = await new LocalOutboxPushSender(outbox).send({
      endpointArn: 'arn:x',
      title: 'T',
      body: 'B',
    });
    await new LocalOutboxCriticalAlertPublisher(outbox, 'arn:aws:sns:us-east-1:123456789012:alerts').publish({
      notificationId: 'n1',
      type: 'email',
      subject: null,
      message: 'caído',
      service: 'cotizador',
      occurredAt: AT.toISOString(),
      environment: 'local',
    });

    const entries = await listLocalOutbox(join(dir, 'data'));

    expect(entries.map((e) => e.channel)).toEqual(['sms', 'push', 'critical-alert']);
    expect(entries[0]).toEqual({
      channel: 'sms',
      to: '+573001234567',
      text: 'Arka: hola',
      messageId: sms.messageId,
      at: AT.toISOString(),
    });
    expect(entries[1]).toMatchObject({
      channel: 'push',
      to: 'arn:x',
      title: 'T',
      body: 'B',
      messageId: push.messageId,
    });
    expect(entries[2]).toMatchObject({
      to: 'arn:aws:sns:us-east-1:123456789012:alerts',
      alert: { notificationId: 'n1' },
    });
    expect(sms.messageId).not.toBe(push.messageId);
  });

  it('fails on a corrupt line, naming it', async () => {
    await writeFile(join(dir, OUTBOX_FILE_NAME), '{"channel":"sms"}\n', 'utf8');

    await expect(listLocalOutbox(dir)).rejects.toThrow();
    await writeFile(join(dir, OUTBOX_FILE_NAME), 'garbage\n', 'utf8');
    await expect(listLocalOutbox(dir)).rejects.toThrow('line 1 is not JSON');
  });

  it('formats the entries for a terminal', () => {
    const text = formatOutbox(
      [{ channel: 'sms', to: '+573001234567', text: 'Arka: hola', messageId: 'm1', at: AT.toISOString() }],
      dir,
    );

    expect(text).toBe(`${AT.toISOString()}  SMS   → +573001234567\n        Arka: hola\n`);
    expect(formatOutbox([], dir)).toContain('No SMS, push or critical alert sent locally yet');
  });

  it('prints the outbox from the command line', async () => {
    await new LocalOutboxSmsSender(new LocalOutbox(dir)).send({ to: '+34600111222', text: 'Arka: ñandú' });
    const cli = resolve(import.meta.dirname, '../src/cli/outbox.ts');

    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      cli,
      '--dir',
      dir,
      '--json',
    ]);

    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ channel: 'sms', to: '+34600111222', text: 'Arka: ñandú' }),
    ]);
  });
});
