import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Set by platform/bin/start.mjs when it runs the supervisor as a bundle, which lives elsewhere. */
declare const __ARKA_REPO_ROOT__: string | undefined;

/** The monorepo root: platform/src/runtime is three levels below it. */
export const REPO_ROOT =
  typeof __ARKA_REPO_ROOT__ === 'string'
    ? __ARKA_REPO_ROOT__
    : resolve(import.meta.dirname, '..', '..', '..');

const requireFromRoot = createRequire(join(REPO_ROOT, 'package.json'));

/** The absolute path a bare specifier resolves to from the repository root. */
export function resolveFromRoot(specifier: string): string {
  return requireFromRoot.resolve(specifier);
}

export function packageDir(name: string): string {
  return dirname(resolveFromRoot(`${name}/package.json`));
}
