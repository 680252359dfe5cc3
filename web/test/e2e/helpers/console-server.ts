import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { preview } from 'vite';
import { WEB_DIR } from './platform';

const VITE_CLI = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');

/**
 * Builds the console into web/dist, the folder the gateway serves. In its own
 * process: under vitest NODE_ENV is `test`, which would bundle React's
 * development build.
 */
export async function buildConsole(): Promise<void> {
  await promisify(execFile)(process.execPath, [VITE_CLI, 'build', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Whether `baseUrl/` answers with the console's index.html. */
export async function servesConsole(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/`);
    return response.ok && (await response.text()).includes('data-arka-console');
  } catch {
    return false;
  }
}

/**
 * Opt-in stand-in (ARKA_E2E_CONSOLE=preview) for a gateway that does not serve
 * the console yet: Vite's preview server serves web/dist and proxies /auth and
 * /api to the real gateway, so the browser still talks to one origin.
 */
export async function previewConsole(gateway: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({
    configFile: join(WEB_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, proxy: { '/auth': gateway, '/api': gateway } },
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (url === undefined) throw new Error('the preview server did not report its URL');
  return { url, close: () => server.close() };
}
