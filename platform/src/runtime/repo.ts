import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Set when the code runs as a bundle, which lives elsewhere (platform/bin/start.mjs
 * for the supervisor, runtime/bundle.ts for the children).
 */
declare const __ARKA_REPO_ROOT__: string | undefined;

/** The monorepo root: platform/src/runtime is three levels below it. */
export const REPO_ROOT =
  typeof __ARKA_REPO_ROOT__ === 'string'
    ? __ARKA_REPO_ROOT__
    : resolve(import.meta.dirname, '..', '..', '..');

const rootRequire = createRequire(join(REPO_ROOT, 'package.json'));

/** Loads a CommonJS package as the repository root would (`require`), wherever this code runs from. */
export function requireFromRoot(specifier: string): unknown {
  return rootRequire(specifier);
}

/** The absolute path a bare specifier resolves to from the repository root. */
export function resolveFromRoot(specifier: string): string {
  return rootRequire.resolve(specifier);
}

export function packageDir(name: string): string {
  return dirname(resolveFromRoot(`${name}/package.json`));
}
