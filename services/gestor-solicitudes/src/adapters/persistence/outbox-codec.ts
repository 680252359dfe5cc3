import type { MessageAttributes, OutboxMessage } from '@arka/messaging';
import { z } from 'zod';

/** An outbox message as either store keeps it; read back through `fromOutboxRecord`. */
export interface OutboxRecord {
  readonly id: string;
  readonly destinationKind: string;
  readonly destinationName: string;
  readonly body: string;
  /** JSON object of string or number values. */
  readonly attributes: string;
  /** ISO-8601. */
  readonly createdAt: string;
}

const attributesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
const recordSchema = z.object({
  id: z.string().min(1),
  destinationKind: z.enum(['topic', 'queue']),
  destinationName: z.string().min(1),
  body: z.string(),
  attributes: z.string().transform((text, ctx) => {
    try {
      return attributesSchema.parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'attributes are not a JSON object of strings and numbers' });
      return z.NEVER;
    }
  }),
  createdAt: z.iso.datetime({ offset: true }),
});

export function toOutboxRecord(message: OutboxMessage): OutboxRecord {
  return {
    id: message.id,
    destinationKind: message.destination.kind,
    destinationName: message.destination.name,
    body: message.body,
    attributes: JSON.stringify(message.attributes),
    createdAt: message.createdAt.toISOString(),
  };
}

export function fromOutboxRecord(record: unknown): OutboxMessage {
  const r = recordSchema.parse(record);
  const attributes: MessageAttributes = r.attributes;
  return {
    id: r.id,
    destination: { kind: r.destinationKind, name: r.destinationName },
    body: r.body,
    attributes,
    createdAt: new Date(r.createdAt),
  };
}
