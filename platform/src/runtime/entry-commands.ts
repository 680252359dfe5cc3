import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ENTRIES, NODE_FLAGS, type EntryCommand, type EntryName } from '../platform-children';
import { REPO_ROOT, resolveFromRoot } from './repo';

const run = promisify(execFile);

/**
 * How each Node child runs. `bundle` (the default) builds every entry once with
 * esbuild into `<dataDir>/.build` and runs plain node: a service then needs about
 * half the memory it needs under tsx, which also starts an esbuild helper per
 * process. `tsx` runs the sources directly, for working on a service.
 */
export async function prepareEntryCommands(
  runtime: 'bundle' | 'tsx',
  dataDir: string,
): Promise<EntryCommand> {
  const loader = pathToFileURL(resolveFromRoot('tsx')).href;
  if (runtime === 'tsx') {
    return (name: EntryName) => [
      process.execPath,
      ...NODE_FLAGS[name],
      '--import',
      loader,
      join(REPO_ROOT, ENTRIES[name]),
    ];
  }
  const outDir = join(dataDir, '.build');
  // In a child process: esbuild's few hundred MB go back to the system before the services start.
  await run(
    process.execPath,
    ['--import', loader, join(REPO_ROOT, 'platform', 'src', 'runtime', 'bundle-main.ts'), outDir],
    {
      cwd: REPO_ROOT,
    },
  );
  return (name: EntryName) => [process.execPath, ...NODE_FLAGS[name], join(outDir, `${name}.mjs`)];
}
