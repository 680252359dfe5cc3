import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { bundlesAreCurrent, recordBundleInputs } from './build-cache';
import { REPO_ROOT, resolveFromRoot } from './repo';

/**
 * Packages left out of the bundles: native addons (loaded through their own file
 * paths), and packages that read files beside their own sources at run time.
 */
const EXTERNAL = ['better-sqlite3', 'argon2', '@fastify/swagger-ui', 'mongodb'];

const isExternal = (specifier: string) =>
  EXTERNAL.some((name) => specifier === name || specifier.startsWith(`${name}/`));

/**
 * Bundles live in the data directory, which may be anywhere (a temporary directory in
 * tests), so an external is imported by its absolute path rather than by a bare name.
 */
const externalsByAbsolutePath: Plugin = {
  name: 'arka-externals',
  setup(builder) {
    builder.onResolve({ filter: /^[@a-z]/ }, (args) =>
      isExternal(args.path) ? { path: resolveFromRoot(args.path), external: true } : undefined,
    );
  },
};

const WORKSPACE_SOURCE = /^(?:@arka\/|\.)/;

/**
 * Our own packages declare no `sideEffects`, so esbuild would keep every module an
 * index re-exports, and evaluate it at start: the workers, which use a few functions
 * of @arka/kernel and @arka/gestor-solicitudes, would load Fastify, Ajv and the
 * OpenAPI stack (about half their bundle). None of our modules acts on import (none
 * is imported for its effects alone), so a module whose exports nobody uses is left out.
 */
const workspaceWithoutSideEffects: Plugin = {
  name: 'arka-workspace-side-effects',
  setup(builder) {
    builder.onResolve({ filter: WORKSPACE_SOURCE }, async (args) => {
      if (args.pluginData === 'arka-resolving') return undefined;
      const fromWorkspace = args.importer.startsWith(REPO_ROOT) && !args.importer.includes('node_modules');
      if (!args.path.startsWith('@arka/') && !fromWorkspace) return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'arka-resolving',
      });
      if (resolved.errors.length > 0 || resolved.external) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

// Bundled CommonJS code calls require(); an ES module has none unless we make one.
const BANNER =
  "import { createRequire as __arkaCreateRequire } from 'node:module';\nconst require = __arkaCreateRequire(import.meta.url);";

/**
 * Bundles each entry (name → source file relative to the repository root) into
 * `<outDir>/<name>.mjs`, so children run on plain node without a TypeScript loader.
 * Returns the path of each bundle.
 */
export async function bundleEntries(
  entries: Readonly<Record<string, string>>,
  outDir: string,
): Promise<Record<string, string>> {
  const names = Object.keys(entries);
  if (bundlesAreCurrent(outDir, names)) return bundlePaths(names, outDir);
  const startedAt = Date.now();
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, join(REPO_ROOT, file)]),
    ),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    banner: { js: BANNER },
    plugins: [externalsByAbsolutePath, workspaceWithoutSideEffects],
    // Code that finds files of the repository (runtime/repo.ts) runs from <data>/.build.
    define: { __ARKA_REPO_ROOT__: JSON.stringify(REPO_ROOT) },
    logLevel: 'error',
    absWorkingDir: REPO_ROOT,
    metafile: true,
  });
  recordBundleInputs(outDir, names, Object.keys(result.metafile.inputs), startedAt);
  return bundlePaths(names, outDir);
}

const bundlePaths = (names: readonly string[], outDir: string) =>
  Object.fromEntries(names.map((name) => [name, join(outDir, `${name}.mjs`)]));
