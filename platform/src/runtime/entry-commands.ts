import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENTRIES, type EntryCommand, type EntryName } from '../platform-children';
import { bundleEntries } from './bundle';
import { REPO_ROOT, resolveFromRoot } from './repo';

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
  if (runtime === 'tsx') {
    const loader = pathToFileURL(resolveFromRoot('tsx')).href;
    return (name: EntryName) => [process.execPath, '--import', loader, join(REPO_ROOT, ENTRIES[name])];
  }
  const bundles = await bundleEntries(ENTRIES, join(dataDir, '.build'));
  return (name: EntryName) => [process.execPath, bundles[name] ?? join(dataDir, '.build', `${name}.mjs`)];
}
