import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The monorepo root: platform/src/runtime is three levels below it. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

const requireFromRoot = createRequire(join(REPO_ROOT, 'package.json'));

/** The absolute path a bare specifier resolves to from the repository root. */
export function resolveFromRoot(specifier: string): string {
  return requireFromRoot.resolve(specifier);
}

export function packageDir(name: string): string {
  return dirname(resolveFromRoot(`${name}/package.json`));
}
