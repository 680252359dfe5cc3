import { text } from 'node:stream/consumers';
import { runUsersCommand } from './users-command';

// `tsx services/gateway/src/cli/users.ts create --username U --role ROLE …`, password on stdin.
process.exitCode = await runUsersCommand(process.argv.slice(2), {
  env: process.env,
  readStdin: async () => (process.stdin.isTTY ? undefined : text(process.stdin)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
