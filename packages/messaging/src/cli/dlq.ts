/**
 * `tsx packages/messaging/src/cli/dlq.ts <list|show|redrive> [queue] [--max N]`
 * The composition root of the DLQ tool: reads the environment once, opens the
 * embedded broker file or an SQS client, runs the command.
 */
import { existsSync } from 'node:fs';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { messagingEnvSchema } from '../config';
import type { DeadLetterAdmin } from '../dlq/dead-letter-admin';
import { DLQ_HELP, runDlqCommand, type Output } from '../dlq/dlq-command';
import { EmbeddedDeadLetterAdmin } from '../dlq/embedded-dead-letter-admin';
import { SqsDeadLetterAdmin } from '../dlq/sqs-dead-letter-admin';
import { EmbeddedBroker } from '../embedded/embedded-broker';

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function openAdmin(env: NodeJS.ProcessEnv): DeadLetterAdmin | string {
  const parsed = messagingEnvSchema.safeParse(env);
  if (!parsed.success) return `invalid messaging configuration:\n${z.prettifyError(parsed.error)}`;
  const config = parsed.data;
  if (config.driver === 'aws') {
    const client = new SQSClient({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    });
    return new SqsDeadLetterAdmin(client, config.queueUrls);
  }
  if (!existsSync(config.path)) return `no embedded broker at ${config.path} (set ARKA_DATA_DIR)`;
  return new EmbeddedDeadLetterAdmin(EmbeddedBroker.open({ path: config.path }));
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  // Help needs no broker, so it works before the environment is set up.
  if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
    io.out(DLQ_HELP);
    return argv.length === 0 ? 2 : 0;
  }
  const admin = openAdmin(process.env);
  if (typeof admin === 'string') {
    io.err(admin);
    return 1;
  }
  try {
    return await runDlqCommand(argv, admin, io);
  } catch (error) {
    io.err(`dlq: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await admin.close();
  }
}

process.exitCode = await main();
