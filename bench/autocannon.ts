/**
 * Load for the service benchmarks: autocannon run as its own process, so the
 * client never shares an event loop (or a core's time slice) with the server it
 * measures. Any non-2xx answer fails the run, and so do errors and timeouts
 * beyond the tolerated share: a rate of refused requests is not a rate.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { z } from 'zod';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

const resultSchema = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
});
export type LoadResult = z.infer<typeof resultSchema>;

export interface LoadRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export async function load(
  url: string,
  options: {
    readonly connections: number;
    readonly seconds: number;
    /** Share of requests that may error or time out on a loaded machine. @default 0 */
    readonly toleratedLoss?: number;
  } & LoadRequest,
): Promise<LoadResult> {
  const args = [autocannonCli, '--json', '-c', String(options.connections), '-d', String(options.seconds)];
  if (options.method) args.push('-m', options.method);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (options.body) args.push('-b', options.body);
  const { stdout } = await promisify(execFile)(process.execPath, [...args, url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = resultSchema.parse(JSON.parse(stdout));
  const lost = result.errors + result.timeouts;
  if (result.non2xx > 0 || lost > result.requests.total * (options.toleratedLoss ?? 0)) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}
