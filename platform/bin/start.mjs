#!/usr/bin/env node
/**
 * `npm start`: runs the supervisor (platform/src/start.ts) as an esbuild bundle on
 * plain node. Under a TypeScript loader it would hold about 90 MB more for as long
 * as the platform runs. Workspace packages are bundled; third-party packages stay
 * imports, resolved from the repository's node_modules.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = resolve(import.meta.dirname, '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'arka');
const outfile = join(outDir, 'supervisor.mjs');
mkdirSync(outDir, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'platform', 'src', 'start.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  absWorkingDir: root,
  define: { __ARKA_REPO_ROOT__: JSON.stringify(root) },
  banner: {
    js: "import { createRequire as __arkaRequire } from 'node:module'; const require = __arkaRequire(import.meta.url);",
  },
  write: false,
  plugins: [
    {
      name: 'third-party-external',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@arka/') ? undefined : { path: args.path, external: true },
        );
      },
    },
    {
      // As for the children (platform/src/runtime/bundle.ts): our packages act on no
      // import, so what the supervisor does not use of them (the kernel's Fastify app,
      // the metrics function's AWS clients) is left out instead of loaded at start.
      name: 'workspace-side-effects',
      setup(builder) {
        builder.onResolve({ filter: /^(?:@arka\/|\.)/ }, async (args) => {
          if (args.pluginData === 'resolving') return undefined;
          if (!args.path.startsWith('@arka/') && args.importer.includes('node_modules')) return undefined;
          const resolved = await builder.resolve(args.path, {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: 'resolving',
          });
          if (resolved.errors.length > 0 || resolved.external) return undefined;
          return { path: resolved.path, sideEffects: false };
        });
      },
    },
  ],
});
// Written aside and renamed: another `npm start` (a test, a benchmark) may be importing it.
const written = `${outfile}.${process.pid}.tmp`;
writeFileSync(written, result.outputFiles[0].contents);
renameSync(written, outfile);
// esbuild's service process is not needed once the bundle is written.
await stop();
await import(pathToFileURL(outfile).href);
