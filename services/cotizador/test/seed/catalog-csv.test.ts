import { describe, expect, it } from 'vitest';
import { parseCatalogCsv, readCatalogCsv } from '../../src/adapters/seed/catalog-csv';
import { DEFAULT_CATALOG_FILE } from '../../src/config';

const HEADER = 'sku,nombre,categoria,precio,stock\n';

describe('the catalog CSV', () => {
  it('loads the shipped catalog with ids 1..n in file order and exact cents', async () => {
    const products = await readCatalogCsv(DEFAULT_CATALOG_FILE);
    expect(products.length).toBe(45);
    expect(products.map((p) => p.id)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(products[0]).toEqual({
      id: 1,
      sku: 'MOU-LOG-M185',
      nombre: 'Mouse inalámbrico Logitech M185',
      categoria: 'Mouse',
      precio: 4_290_000n,
      stock: 340,
      activo: true,
    });
    expect(new Set(products.map((p) => p.sku)).size).toBe(45);
  });

  it('reads quoted fields with commas and quotes, and a byte order mark', () => {
    const [product] = parseCatalogCsv(
      `\uFEFF${HEADER}"KIT-1","Kit teclado, mouse y ""pad""",Kits,99990.5,3\n`,
    );
    expect(product).toMatchObject({ sku: 'KIT-1', nombre: 'Kit teclado, mouse y "pad"', precio: 9_999_050n });
  });

  it.each([
    ['a price with three decimals', 'X-1,x,c,10.001,1', /line 2: precio/],
    ['a negative stock', 'X-1,x,c,10.00,-1', /line 2: stock/],
    ['a missing nombre', 'X-1,,c,10.00,1', /line 2: nombre/],
    ['a zero price', 'X-1,x,c,0.00,1', /line 2: precio/],
  ])('fails with the line number for %s', (_name, row, message) => {
    expect(() => parseCatalogCsv(`${HEADER}${row}\n`)).toThrow(message);
  });

  it('fails on a repeated sku', () => {
    expect(() => parseCatalogCsv(`${HEADER}A,x,c,1.00,1\nA,y,c,2.00,1\n`)).toThrow(/line 3: duplicate sku A/);
  });

  it('fails on a row with a missing column', () => {
    expect(() => parseCatalogCsv(`${HEADER}A,x,c,1.00\n`)).toThrow();
  });
});
