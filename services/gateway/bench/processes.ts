/**
 * The benchmark's servers, each run as its container runs it: an esbuild bundle on
 * plain node with the services' node flags, in a process of its own, so each
 * figure is the service's own and not tsx's or the benchmark runner's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { z } from 'zod';

/** The node flags each server runs with (NODE_FLAGS in platform/src/platform-children.ts). */
const SERVICE_NODE_FLAGS: Record<BenchServerName, readonly string[]> = {
  gateway: ['--max-semi-space-size=8', '--heap-growing-percent=30'],
  cotizador: ['--max-semi-space-size=4', '--heap-growing-percent=30'],
};
// Inside the package, so the bundles' imports of node_modules resolve; git and eslint ignore dist/.
const OUT_DIR = join(import.meta.dirname, '..', 'dist', 'bench');
const ENTRIES = { gateway: 'server.ts', cotizador: 'cotizador-process.ts' } as const;
export type BenchServerName = keyof typeof ENTRIES;

/** The cotizador finds its catalog beside its sources, which a bundle is not. */
export const COTIZADOR_CATALOG_FILE = join(
  dirname(createRequire(import.meta.url).resolve('@arka/cotizador')),
  '..',
  'data',
  'catalog.csv',
);

const COTIZADOR_RELAY_THREAD = join(
  dirname(createRequire(import.meta.url).resolve('@arka/cotizador')),
  'outbox-relay-thread.ts',
);

/** Bundles the @arka workspaces; every other package stays a node_modules import. */
export async function bundleServers(): Promise<void> {
  await build({
    entryPoints: {
      ...Object.fromEntries(
        Object.entries(ENTRIES).map(([name, file]) => [name, join(import.meta.dirname, file)]),
      ),
      // The cotizador's outbox relay thread, found beside the bundle that starts it.
      'outbox-relay-thread': COTIZADOR_RELAY_THREAD,
    },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-node-modules',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@arka/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}

function nextMessage<T>(child: ChildProcess, schema: z.ZodType<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const parsed = schema.safeParse(message);
      if (!parsed.success) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(parsed.data);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`bench server exited (${code}) before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export interface BenchServer {
  readonly address: string;
  readonly pid: number;
  /** CPU time (user + system) the process has used so far, in µs. */
  cpuMicros(): Promise<number>;
  close(): Promise<void>;
}

/** Starts one bundled server (bundleServers() first) with `env` and nothing else inherited but PATH. */
export async function startServer(
  name: BenchServerName,
  env: Readonly<Record<string, string>>,
  extraNodeFlags: readonly string[] = [],
): Promise<BenchServer> {
  const child = fork(join(OUT_DIR, `${name}.mjs`), [], {
    execArgv: [...SERVICE_NODE_FLAGS[name], ...extraNodeFlags],
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { address } = await nextMessage(child, z.object({ address: z.string() }));
  return {
    address,
    pid: child.pid ?? 0,
    cpuMicros: async () => {
      const reply = nextMessage(child, z.object({ cpuMicros: z.number() }));
      child.send('cpu');
      return (await reply).cpuMicros;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}
