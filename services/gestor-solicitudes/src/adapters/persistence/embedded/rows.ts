import { z } from 'zod';

const docRow = z.object({ doc: z.string() });
const countRow = z.object({ n: z.number().int() });

/** The JSON document of a row, parsed; the caller's codec validates its shape. */
export function docOf(row: unknown): unknown {
  const { doc } = docRow.parse(row);
  try {
    return JSON.parse(doc);
  } catch (error) {
    throw new Error('a stored document is not valid JSON', { cause: error });
  }
}

export function countOf(row: unknown): number {
  return countRow.parse(row).n;
}
