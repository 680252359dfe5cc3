import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundlesAreCurrent, recordBundleInputs } from '../src/runtime/build-cache';

const dirs: string[] = [];
function buildDir(withBundles: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'arka-build-'));
  dirs.push(dir);
  for (const name of withBundles) writeFileSync(join(dir, `${name}.mjs`), 'export {};');
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

// A real input of the repository, older than any build made now.
const INPUT = 'platform/package.json';

describe('bundle cache', () => {
  it('reuses bundles built after every input last changed', () => {
    // Prepare
    const dir = buildDir(['gateway', 'cotizador']);
    recordBundleInputs(dir, ['gateway', 'cotizador'], [INPUT], Date.now() + 1000);

    // Act
    const current = bundlesAreCurrent(dir, ['cotizador', 'gateway']);

    // Assess
    expect(current).toBe(true);
  });

  it.each([
    ['an input changed after the build', ['gateway'], ['gateway'], 0],
    ['a bundle is missing', [], ['gateway'], Date.now() + 1000],
    ['the set of entries changed', ['gateway', 'dispatcher'], ['gateway', 'dispatcher'], Date.now() + 1000],
  ])('builds again when %s', (_why, present, asked, builtAt) => {
    // Prepare
    const dir = buildDir(present);
    recordBundleInputs(dir, ['gateway'], [INPUT], builtAt);

    // Act
    const current = bundlesAreCurrent(dir, asked);

    // Assess
    expect(current).toBe(false);
  });

  it('builds again when there is no manifest or it is torn', () => {
    // Prepare
    const fresh = buildDir(['gateway']);
    const torn = buildDir(['gateway']);
    writeFileSync(join(torn, 'inputs.json'), '{"builtAt": 1');

    // Act and Assess
    expect(bundlesAreCurrent(fresh, ['gateway'])).toBe(false);
    expect(bundlesAreCurrent(torn, ['gateway'])).toBe(false);
  });
});
