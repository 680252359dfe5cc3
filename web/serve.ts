/**
 * Serves the built console from a Fastify app (the gateway, in the local
 * platform). Plain TypeScript, no React: the gateway imports it from source.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface ConsoleOptions {
  /** Absolute path of the built console (`web/dist` after `npm run build -w @arka/console`). */
  readonly root: string;
  /**
   * Path prefixes that are never the console: a GET there that no route answers
   * gets the app's 404 problem, not index.html.
   * @default ['/api/', '/auth/', '/actuator', '/docs', '/metrics']
   */
  readonly reservedPrefixes?: readonly string[];
}

const DEFAULT_RESERVED = ['/api/', '/auth/', '/actuator', '/docs', '/metrics'];
const ONE_YEAR_SECONDS = 31_536_000;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file under `root` a URL path names, or undefined when it would leave
 * `root` or cannot be decoded.
 */
export function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // A `..` segment is refused outright rather than clamped: no page of the console needs one.
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return undefined;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  const full = join(root, relative);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

/** An extensionless path is a page of the app; one with an extension is a file that must exist. */
const looksLikePage = (urlPath: string): boolean => !/\.[A-Za-z0-9]+$/.test(urlPath.split('/').pop() ?? '');

function sendIndex(reply: FastifyReply): FastifyReply {
  // index.html names the hashed bundles of the current build, so it must never be cached stale.
  return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
}

/**
 * Registers GET (and HEAD) `/*`: files of the build, with long-lived caching for
 * the hashed `assets/`, and index.html for any other page path (SPA fallback).
 * Reserved API paths and missing files fall through to the app's 404 handler.
 * Files are looked up per request, so a rebuild needs no restart.
 */
export async function registerConsole(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  if (!isAbsolute(options.root))
    throw new Error(`console root must be an absolute path; given ${options.root}`);
  const root = normalize(options.root);
  const reserved = options.reservedPrefixes ?? DEFAULT_RESERVED;

  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root, serve: false });
    scope.get('/*', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (reserved.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) {
        return reply.callNotFound();
      }
      if (!(await isFile(join(root, 'index.html')))) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('La consola no está compilada: ejecute `npm run build -w @arka/console`.');
      }
      const file = fileFor(root, path);
      if (file !== undefined && path !== '/' && (await isFile(file))) {
        const relative = file.slice(root.length).replace(/^[/\\]+/, '');
        if (relative === 'index.html') return sendIndex(reply);
        const hashed = relative.startsWith(`assets${sep}`) || relative.startsWith('assets/');
        return hashed
          ? reply.sendFile(relative, { maxAge: ONE_YEAR_SECONDS * 1000, immutable: true })
          : reply.sendFile(relative, { cacheControl: false });
      }
      if (looksLikePage(path)) return sendIndex(reply);
      return reply.callNotFound();
    });
  });
}
