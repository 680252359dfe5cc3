import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './repo';

const MANIFEST = 'inputs.json';
/** Installed packages keep their publish-time mtimes; the lock file changes when they change. */
const LOCK_FILE = join(REPO_ROOT, 'package-lock.json');

const manifestSchema = z.object({
  builtAt: z.number(),
  entries: z.array(z.string()),
  inputs: z.array(z.string()),
});

const mtime = (file: string): number | undefined => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

/**
 * Whether the bundles in `outDir` were built from the current sources: every entry
 * is there and no input (nor the lock file) changed since. Saves the bundling time on
 * a plain restart.
 */
export function bundlesAreCurrent(outDir: string, entries: readonly string[]): boolean {
  const file = join(outDir, MANIFEST);
  if (!existsSync(file)) return false;
  let parsed: ReturnType<typeof manifestSchema.safeParse>;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return false; // A torn manifest only means: build again.
  }
  if (!parsed.success) return false;
  const { builtAt, inputs } = parsed.data;
  if ([...entries].sort().join() !== [...parsed.data.entries].sort().join()) return false;
  if (!entries.every((name) => existsSync(join(outDir, `${name}.mjs`)))) return false;
  return [...inputs.map((i) => join(REPO_ROOT, i)), LOCK_FILE].every((f) => {
    const changed = mtime(f);
    return changed !== undefined && changed < builtAt;
  });
}

export function recordBundleInputs(
  outDir: string,
  entries: readonly string[],
  inputs: readonly string[],
  builtAt: number,
): void {
  writeFileSync(join(outDir, MANIFEST), JSON.stringify({ builtAt, entries, inputs }));
}
