/**
 * Bundles every Node entry of the platform into the directory given as the only
 * argument. The supervisor runs it as a short-lived child so that esbuild's memory
 * is returned to the system before the services start.
 */
import { ENTRIES, THREAD_ENTRIES } from '../platform-children';
import { bundleEntries } from './bundle';

const [outDir] = process.argv.slice(2);
if (outDir === undefined) {
  process.stderr.write('usage: bundle-main <output directory>\n');
  process.exit(2);
}
await bundleEntries({ ...ENTRIES, ...THREAD_ENTRIES }, outDir);
