import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir, REPO_ROOT } from './repo';

const WEB = join(REPO_ROOT, 'web');
export const CONSOLE_DIST = join(WEB, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** True when web/dist is missing or older than any of the console's sources. */
export function consoleBuildIsStale(): boolean {
  const built = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(WEB, source)) > builtAt);
}

/**
 * Builds the web console with Vite when its build is missing or stale, so a fresh
 * clone's `npm start` serves it at /. Resolves to the built directory, or to
 * undefined (with the reason) when the build fails: the API still runs without it.
 */
export async function ensureConsoleBuilt(): Promise<{ dir?: string; problem?: string }> {
  if (!consoleBuildIsStale()) return { dir: CONSOLE_DIST };
  const vite = join(packageDir('vite'), 'bin', 'vite.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: WEB,
      // Under a test runner NODE_ENV may be `test`, which would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', (error) => {
      output.push(error.message);
      resolve(null);
    });
    child.on('exit', resolve);
  });
  if (code === 0 && existsSync(join(CONSOLE_DIST, 'index.html'))) return { dir: CONSOLE_DIST };
  return {
    problem: `the web console could not be built (vite exit ${code}): ${output.join('').trim().slice(-500)}`,
  };
}
