import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '@arka/kernel';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Every setting of the local platform, from the environment; flags are parsed apart. */
const envSchema = z.object({
  ARKA_DATA_DIR: z.string().min(1).default('./.arka-data'),
  GATEWAY_PORT: port(8080),
  COTIZADOR_PORT: port(8081),
  GESTOR_PORT: port(8082),
  DYNALITE_PORT: port(4567),
  SES_PORT: port(8005),
  METRICS_PORT: port(9464),
  /** Passed to the gateway; when unset one is generated once and kept in the data directory. */
  ARKA_DEMO_PASSWORD: z.string().min(8).optional(),
  /** `bundle`: each child is bundled with esbuild and runs on plain node (less memory); `tsx`: from source. */
  ARKA_RUNTIME: z.enum(['bundle', 'tsx']).default('bundle'),
  /** `auto`: build the web console when its build is missing or stale and serve it at /; `off`: API only. */
  ARKA_CONSOLE: z.enum(['auto', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per client per minute the gateway allows (its RATE_LIMIT_MAX); the benchmark raises it. */
  GATEWAY_RATE_LIMIT_MAX: z.coerce.number().int().min(1).optional(),
  /** How often the metrics function runs on its timer. */
  METRICS_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
});

export type Ports = Readonly<{
  gateway: number;
  cotizador: number;
  gestor: number;
  dynalite: number;
  ses: number;
  metrics: number;
}>;

export type PlatformConfig = Readonly<{
  dataDir: string;
  ports: Ports;
  demoPassword: string | undefined;
  runtime: 'bundle' | 'tsx';
  console: 'auto' | 'off';
  logLevel: string;
  metricsIntervalMs: number;
  gatewayRateLimitMax: number | undefined;
  reset: boolean;
  help: boolean;
}>;

export const USAGE = `Usage: npm start [-- --reset] [-- --help]

Starts the whole Arka platform on this machine.

  --reset   delete the data directory first (only if it is an Arka data directory)
  --help    show this text

Environment (defaults in brackets):
  ARKA_DATA_DIR [./.arka-data]   GATEWAY_PORT [8080]   COTIZADOR_PORT [8081]
  GESTOR_PORT [8082]   DYNALITE_PORT [4567]   SES_PORT [8005]   METRICS_PORT [9464]
  ARKA_DEMO_PASSWORD [generated once, kept in the data directory]
  ARKA_CONSOLE [auto | off]   ARKA_RUNTIME [bundle | tsx]   LOG_LEVEL [info]   METRICS_INTERVAL_MS [60000]
  GATEWAY_RATE_LIMIT_MAX [the gateway's default, 600 per client per minute]
`;

function parseFlags(argv: readonly string[]): { reset: boolean; help: boolean } {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return { reset: values.reset === true, help: values.help === true };
  } catch (error) {
    throw new ConfigError([error instanceof Error ? error.message : String(error)]);
  }
}

/**
 * Parses flags and environment once, at the edge. Every problem, including two
 * services given the same port, is reported in one ConfigError.
 */
export function loadPlatformConfig(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  cwd: string,
): PlatformConfig {
  const flags = parseFlags(argv);
  const e = parseConfig(envSchema, environment);
  const ports: Ports = Object.freeze({
    gateway: e.GATEWAY_PORT,
    cotizador: e.COTIZADOR_PORT,
    gestor: e.GESTOR_PORT,
    dynalite: e.DYNALITE_PORT,
    ses: e.SES_PORT,
    metrics: e.METRICS_PORT,
  });
  const clashes = duplicatePorts(ports);
  if (clashes.length > 0) throw new ConfigError(clashes);
  return Object.freeze({
    dataDir: isAbsolute(e.ARKA_DATA_DIR) ? e.ARKA_DATA_DIR : resolve(cwd, e.ARKA_DATA_DIR),
    ports,
    demoPassword: e.ARKA_DEMO_PASSWORD,
    runtime: e.ARKA_RUNTIME,
    console: e.ARKA_CONSOLE,
    logLevel: e.LOG_LEVEL,
    metricsIntervalMs: e.METRICS_INTERVAL_MS,
    gatewayRateLimitMax: e.GATEWAY_RATE_LIMIT_MAX,
    ...flags,
  });
}

function duplicatePorts(ports: Ports): string[] {
  const byPort = new Map<number, string[]>();
  for (const [name, value] of Object.entries(ports)) byPort.set(value, [...(byPort.get(value) ?? []), name]);
  return [...byPort.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([value, names]) => `ports: ${names.join(' and ')} are both given ${value}; each needs its own`);
}
