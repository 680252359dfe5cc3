import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleEntries } from '../src/runtime/bundle';
import { PAGE_CACHE_KIB } from '../src/runtime/sqlite-page-cache';
import SmallCacheDatabase from '../src/runtime/sqlite-page-cache';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const FIXTURES = 'platform/test/fixtures/bundle';

async function bundleAndRun(entry: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'arka-bundle-'));
  dirs.push(outDir);
  const paths = await bundleEntries({ fixture: `${FIXTURES}/${entry}` }, outDir);
  return execFileSync(process.execPath, [paths.fixture ?? ''], { encoding: 'utf8' });
}

describe('bundles of the children', () => {
  it('open SQLite connections with a 2 MB page cache instead of better-sqlite3’s 16 MB', async () => {
    // Act
    const printed = JSON.parse(await bundleAndRun('sqlite-entry.ts')) as Record<string, unknown>;

    // Assess
    expect(printed).toEqual({ cacheSize: -PAGE_CACHE_KIB, isDatabase: true, hasSqliteError: true });
  });

  it('leave out a module of ours whose exports nobody uses, with what it would do on import', async () => {
    // Act
    const printed = await bundleAndRun('index-entry.ts');

    // Assess
    expect(printed).toBe('used');
  });
});

describe('the SQLite constructor of the bundles', () => {
  it('is better-sqlite3’s, with or without new, with the small page cache', () => {
    // Act
    const withNew = new SmallCacheDatabase(':memory:');
    const withoutNew = (SmallCacheDatabase as unknown as (file: string) => Database.Database)(':memory:');

    // Assess
    for (const database of [withNew, withoutNew]) {
      expect(database).toBeInstanceOf(Database);
      expect(database.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
      database.close();
    }
  });
});
