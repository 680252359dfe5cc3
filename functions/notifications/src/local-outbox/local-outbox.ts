import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where SMS, push and critical alerts go when no SNS is at hand (SNS_CHANNEL=local):
 * one JSON line per message in `<dir>/notifications-outbox.jsonl`, which the local
 * tooling lists with `listLocalOutbox` or `src/cli/outbox.ts`.
 */
export const OUTBOX_FILE_NAME = 'notifications-outbox.jsonl';

export const outboxEntrySchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('sms'),
    messageId: z.string(),
    at: z.string(),
    to: z.string(),
    text: z.string(),
  }),
  z.object({
    channel: z.literal('push'),
    messageId: z.string(),
    at: z.string(),
    to: z.string(),
    title: z.string(),
    body: z.string(),
  }),
  z.object({
    channel: z.literal('critical-alert'),
    messageId: z.string(),
    at: z.string(),
    to: z.string(),
    alert: z.record(z.string(), z.unknown()),
  }),
]);

export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
type NewOutboxEntry = OutboxEntry extends infer E
  ? E extends OutboxEntry
    ? Omit<E, 'messageId' | 'at'>
    : never
  : never;

export class LocalOutbox {
  private readonly file: string;
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(dir, OUTBOX_FILE_NAME);
  }

  /** Appends one line; a single small append is not interleaved with another one. */
  async append(entry: NewOutboxEntry): Promise<{ messageId: string }> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const messageId = `local-${randomUUID()}`;
    await appendFile(
      this.file,
      `${JSON.stringify({ ...entry, messageId, at: this.now().toISOString() })}\n`,
      'utf8',
    );
    return { messageId };
  }
}

function parseLine(line: string, index: number): OutboxEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`${OUTBOX_FILE_NAME} line ${index + 1} is not JSON`, { cause: error });
  }
  return outboxEntrySchema.parse(value);
}

/** Everything sent locally, oldest first; an empty list when nothing was sent yet. */
export async function listLocalOutbox(dir: string): Promise<OutboxEntry[]> {
  let content: string;
  try {
    content = await readFile(join(dir, OUTBOX_FILE_NAME), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseLine);
}
