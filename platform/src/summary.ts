import type { DemoUser } from './demo-users';
import type { Endpoints } from './endpoints';

export interface SummaryInput {
  readonly endpoints: Endpoints;
  readonly users: readonly DemoUser[];
  readonly password: string;
  readonly dataDir: string;
  readonly logDir: string;
  readonly processes: number;
  /** Whether the gateway serves the web console at /. */
  readonly console?: boolean;
  /** The data directory `npm run demo` reads when ARKA_DATA_DIR is not set. */
  readonly defaultDataDir?: string;
}

/** The demo finds the platform through its data directory: one not the default must be named. */
function demoCommand(input: SummaryInput): string {
  return input.defaultDataDir === undefined || input.dataDir === input.defaultDataDir
    ? 'npm run demo'
    : `ARKA_DATA_DIR=${shellWord(input.dataDir)} npm run demo`;
}

/** A path as one word for a POSIX shell, quoted only when it needs to be. */
const shellWord = (text: string) =>
  /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;

/** The text printed once every process is ready: where to go, who to be, how to stop. */
export function renderSummary(input: SummaryInput): string {
  const { endpoints: e } = input;
  const width = Math.max(...input.users.map((u) => u.username.length));
  const users = input.users.map(
    (u) => `    ${u.username.padEnd(width)}  ${u.role}${u.boundTo === undefined ? '' : ` (${u.boundTo})`}`,
  );
  return [
    '',
    `Arka is running (${input.processes} processes).`,
    '',
    ...(input.console === true ? [`  Web console      ${e.gateway}/`] : []),
    `  Gateway (API)    ${e.gateway}`,
    `  API docs         ${e.gateway}/docs`,
    `  Mailbox          ${e.ses}/`,
    `  Metrics          ${e.metrics}`,
    '',
    `  Demo users (password: ${input.password})`,
    ...users,
    '',
    `  Data directory   ${input.dataDir}`,
    `  Logs             ${input.logDir}`,
    '',
    `  Try it: ${demoCommand(input)}        Stop: Ctrl-C`,
    '',
  ].join('\n');
}
