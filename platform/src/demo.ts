/**
 * `npm run demo`: the business flow against the running platform, through the
 * gateway alone, printing each step. It reads the platform's addresses and the demo
 * password from the data directory; the environment can override them.
 */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError, parseConfig } from '@arka/kernel';
import { z } from 'zod';
import { readDemoPassword } from './data-dir';
import { readEndpoints } from './endpoints';
import { runFlow } from './flow';

function settings() {
  const env = parseConfig(
    z.object({
      ARKA_DATA_DIR: z.string().min(1).default('./.arka-data'),
      ARKA_GATEWAY_URL: z.url().optional(),
      ARKA_DEMO_PASSWORD: z.string().min(1).optional(),
    }),
    process.env,
  );
  const dataDir = isAbsolute(env.ARKA_DATA_DIR)
    ? env.ARKA_DATA_DIR
    : resolve(process.cwd(), env.ARKA_DATA_DIR);
  const endpoints = readEndpoints(dataDir);
  const password = env.ARKA_DEMO_PASSWORD ?? readDemoPassword(dataDir);
  if (endpoints === undefined || password === undefined) {
    throw new ConfigError([`ARKA_DATA_DIR: ${dataDir} holds no started platform; run \`npm start\` first`]);
  }
  return { endpoints, password, gatewayUrl: env.ARKA_GATEWAY_URL ?? endpoints.gateway };
}

try {
  const { endpoints, password, gatewayUrl } = settings();
  console.log(`Arka demo against ${gatewayUrl}\n`);
  const result = await runFlow({
    gatewayUrl,
    password,
    sesUrl: endpoints.ses,
    dynaliteUrl: endpoints.dynalite,
    auditTable: endpoints.auditTable,
    log: (line) => console.log(line),
  });
  console.log(
    `\nListo: ${result.emails.length} correos entregados. Buzón: ${endpoints.ses}/  Métricas: ${endpoints.metrics}`,
  );
} catch (error) {
  console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
