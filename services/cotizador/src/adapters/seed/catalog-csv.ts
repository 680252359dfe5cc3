import { readFile } from 'node:fs/promises';
import { money } from '@arka/kernel';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Product } from '../../domain/product';

const recordSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  nombre: z.string().trim().min(1).max(200),
  categoria: z.string().trim().min(1).max(100),
  precio: z.string().transform((text, ctx) => {
    const cents = money.parse(text);
    if (cents === undefined || cents <= 0n || !money.isRepresentable(cents)) {
      ctx.addIssue({ code: 'custom', message: `not a price with at most two decimals: "${text}"` });
      return z.NEVER;
    }
    return cents;
  }),
  stock: z
    .string()
    .regex(/^\d{1,9}$/, 'a whole number of units')
    .transform(Number),
});

/**
 * Parses the catalog (sku,nombre,categoria,precio,stock; UTF-8, RFC 4180 quoting).
 * Products get ids 1..n in file order, which is what clients send as productoId.
 * Any bad row stops the load with its line number: a half-loaded catalog would
 * quote wrong prices silently.
 */
export function parseCatalogCsv(text: string): Product[] {
  const records: unknown[] = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: false });
  const skus = new Set<string>();
  return records.map((record, index) => {
    const result = recordSchema.safeParse(record);
    const line = index + 2;
    if (!result.success) {
      const why = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`catalog line ${line}: ${why}`);
    }
    if (skus.has(result.data.sku)) throw new Error(`catalog line ${line}: duplicate sku ${result.data.sku}`);
    skus.add(result.data.sku);
    return { id: index + 1, ...result.data, activo: true };
  });
}

export async function readCatalogCsv(file: string): Promise<Product[]> {
  return parseCatalogCsv(await readFile(file, 'utf8'));
}
