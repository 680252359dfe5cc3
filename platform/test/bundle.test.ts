import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleEntries } from '../src/runtime/bundle';

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
  it('leave out a module of ours whose exports nobody uses, with what it would do on import', async () => {
    // Act
    const printed = await bundleAndRun('index-entry.ts');

    // Assess
    expect(printed).toBe('used');
  });
});
