/** Conversion between the ports' attributes and the SNS/SQS wire form (DataType String or Number). */
import type { MessageAttributes } from '../ports';

export interface WireAttribute {
  DataType: 'String' | 'Number';
  StringValue: string;
}

export function toWireAttributes(
  attributes: MessageAttributes | undefined,
): Record<string, WireAttribute> | undefined {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([name, value]) => [
      name,
      { DataType: typeof value === 'number' ? 'Number' : 'String', StringValue: String(value) },
    ]),
  );
}

/** Reads SQS message attributes back; Binary ones have no place in the ports and are skipped. */
export function fromSqsAttributes(
  attributes: Record<string, { DataType?: string; StringValue?: string }> | undefined,
): MessageAttributes {
  const result: Record<string, string | number> = {};
  for (const [name, { DataType, StringValue }] of Object.entries(attributes ?? {})) {
    if (StringValue === undefined || DataType === undefined) continue;
    if (DataType === 'Number' || DataType.startsWith('Number.')) {
      const n = Number(StringValue);
      result[name] = Number.isFinite(n) ? n : StringValue;
    } else if (DataType === 'String' || DataType.startsWith('String.')) {
      result[name] = StringValue;
    }
  }
  return result;
}
