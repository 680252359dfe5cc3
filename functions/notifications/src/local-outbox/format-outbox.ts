import type { OutboxEntry } from './local-outbox';

function describe(entry: OutboxEntry): string {
  switch (entry.channel) {
    case 'sms':
      return `SMS   → ${entry.to}\n        ${entry.text}`;
    case 'push':
      return `PUSH  → ${entry.to}\n        ${entry.title}: ${entry.body}`;
    case 'critical-alert':
      return `ALERT → ${entry.to}\n        ${JSON.stringify(entry.alert)}`;
  }
}

/** The local outbox as text for a terminal, one block per message. */
export function formatOutbox(entries: readonly OutboxEntry[], dir: string): string {
  if (entries.length === 0) return `No SMS, push or critical alert sent locally yet (${dir}).\n`;
  return `${entries.map((e) => `${e.at}  ${describe(e)}`).join('\n')}\n`;
}
