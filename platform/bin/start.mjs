#!/usr/bin/env node
/**
 * `npm start`: runs the supervisor (platform/src/start.ts) as an esbuild bundle on
 * plain node. Under a TypeScript loader it would hold about 90 MB more for as long
 * as the platform runs. Workspace packages are bundled; third-party packages stay
 * imports, resolved from the repository's node_modules.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = resolve(import.meta.dirname, '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'arka');
const outfile = join(outDir, 'supervisor.mjs');
mkdirSync(outDir, { recursive: true });

await build({
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
  plugins: [
    {
      name: 'third-party-external',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@arka/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
// esbuild's service process is not needed once the bundle is written.
await stop();
await import(pathToFileURL(outfile).href);
