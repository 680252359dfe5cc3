/**
 * `npm start`: the whole Arka platform on this machine, as one supervised process
 * tree on embedded defaults. Composition root: flags and environment are read here
 * and nowhere below.
 */
import { join, resolve } from 'node:path';
import { ConfigError, resolveJwtSecret } from '@arka/kernel';
import { loadPlatformConfig, USAGE, type PlatformConfig } from './config';
import { DataDirError, resolveDemoPassword } from './data-dir';
import { assertDataDirFree, claimDataDir } from './data-dir-lock';
import { DEMO_USERS } from './demo-users';
import { endpointsFor, writeEndpoints } from './endpoints';
import { fileLogger } from './file-logger';
import { startMetricsServer } from './metrics/metrics-server';
import { servicesOf } from './metrics/services';
import { localStores } from './metrics/stores';
import { platformChildren } from './platform-children';
import { portsInUse } from './ports-free';
import { consoleBuildIsStale, ensureConsoleBuilt } from './runtime/console-build';
import { prepareEntryCommands } from './runtime/entry-commands';
import { REPO_ROOT } from './runtime/repo';
import { renderSummary } from './summary';
import { createConsoleReporter } from './supervisor/console-reporter';
import { Supervisor } from './supervisor/supervisor';

let consoleGone = false;
/** Set once the supervisor exists: how to stop everything cleanly. */
const platform: { stop?: (code: number) => void } = {};
const requestStop = (code: number) =>
  platform.stop === undefined ? process.exit(code) : platform.stop(code);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', () => {
    // Whoever read our output went away (`npm start | head`, a closed terminal): nobody
    // watches the platform any more, so stop it rather than write into the void forever.
    consoleGone = true;
    requestStop(0);
  });
}
const terminal = {
  out: { isTTY: process.stdout.isTTY, write: (text: string) => consoleGone || process.stdout.write(text) },
  err: (text: string) => consoleGone || process.stderr.write(text),
};

function fail(message: string, code: number): never {
  terminal.err(`${message}\n`);
  process.exit(code);
}

function readConfig(): PlatformConfig {
  try {
    return loadPlatformConfig(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
}

const config = readConfig();
if (config.help) {
  terminal.out.write(USAGE);
  process.exit(0);
}

// Every check before `--reset` deletes anything: a platform may be running on this directory.
function onDataDir<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DataDirError) fail(`Cannot start Arka: ${error.message}`, 2);
    throw error;
  }
}
onDataDir(() => assertDataDirFree(config.dataDir));
const busy = await portsInUse(config.ports);
if (busy.length > 0) fail(`Cannot start Arka:\n${busy.map((p) => `  - ${p}`).join('\n')}`, 2);
const lock = onDataDir(() => claimDataDir(config.dataDir, { reset: config.reset }));
process.on('exit', () => lock.release());

const password = resolveDemoPassword(config.dataDir, config.demoPassword);
// Created once before any service starts, so the services never race to create it.
resolveJwtSecret({ embedded: true, dataDir: config.dataDir });
const endpoints = endpointsFor(config.ports);
writeEndpoints(config.dataDir, endpoints);
const logDir = join(config.dataDir, 'logs');

const reporter = createConsoleReporter(terminal.out);
terminal.out.write(`Arka: ${config.reset ? 'reset, ' : ''}data in ${config.dataDir}\n`);
if (config.runtime === 'bundle') terminal.out.write('bundling the services…\n');
const command = await prepareEntryCommands(config.runtime, config.dataDir).catch((error: unknown) =>
  fail(`Arka could not bundle the services: ${error instanceof Error ? error.message : String(error)}`, 1),
);
let consoleDir: string | undefined;
if (config.console === 'auto') {
  if (consoleBuildIsStale()) terminal.out.write('building the web console…\n');
  const built = await ensureConsoleBuilt();
  consoleDir = built.dir;
  if (built.problem !== undefined) terminal.out.write(`warning: ${built.problem}\n`);
}
const specs = platformChildren(config, endpoints, password, command, process.env, consoleDir);
const supervisor = new Supervisor(specs, { logDir, onEvent: (event) => reporter.onEvent(event) });
const metrics = await startMetricsServer({
  port: config.ports.metrics,
  intervalMs: config.metricsIntervalMs,
  logger: fileLogger(join(logDir, 'supervisor.log'), 'metrics'),
  provider: async () => ({
    services: servicesOf(supervisor.status()),
    stores: localStores(config.dataDir, endpoints.dynalite),
  }),
});

let stopping: Promise<never> | undefined;
const shutdown = (code: number): Promise<never> =>
  (stopping ??= (async () => {
    await supervisor.stop();
    await metrics.close();
    process.exit(code);
  })());
platform.stop = (code) => void shutdown(code);
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// `kill <pid of npm start>` ends npm and its shell but sends nothing here: when the
// process that started the supervisor is gone, stop the platform as for SIGTERM.
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) void shutdown(0);
}, 1_000).unref();
process.on('uncaughtException', (error) => {
  terminal.err(`supervisor error: ${error.stack ?? String(error)}\n`);
  void shutdown(1);
});

try {
  await supervisor.start();
} catch (error) {
  reporter.endProgress();
  terminal.err(`Arka could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  terminal.err(`Logs: ${logDir}\n`);
  await shutdown(1);
}
reporter.endProgress();
await metrics.refresh();
terminal.out.write(
  renderSummary({
    endpoints,
    users: DEMO_USERS,
    password,
    dataDir: config.dataDir,
    logDir,
    processes: specs.length,
    console: consoleDir !== undefined,
    // `npm run demo` runs in the repository's root and resolves the default from there.
    defaultDataDir: resolve(REPO_ROOT, '.arka-data'),
  }),
);
