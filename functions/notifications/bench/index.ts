/**
 * Notifications processed per second through the local SQS event source (embedded
 * broker → LocalSqsEventSource → handler, batches of 10), with dynalite and the local
 * SES server, beside the same handler with no-op providers and an in-memory audit
 * store in the same run. Every notification is an email (the path with the most
 * provider calls: claim, SendEmail, record SENT).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  EmbeddedBroker,
  LocalSqsEventSource,
  notificationAttributes,
  QUEUE_NAMES,
  TOPIC_NAMES,
} from '@arka/messaging';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { BenchRow } from '../../../bench/types';
import { DynamoDbAuditStore } from '../src/audit/dynamodb-audit-store';
import { InMemoryAuditStore } from '../src/audit/in-memory-audit-store';
import { createHandler, type HandlerDeps } from '../src/create-handler';
import { SesEmailSender } from '../src/email/ses-email-sender';
import { createAuditTable, credentials, documentClient, REGION } from '../test/helpers/handler-deps';
import { startDynalite, startSesLocal } from '../test/helpers/local-servers';
import { noopChannels } from './noop-channels';

const SUITE = 'notifications';
const MESSAGES = 600;
const WARM_UP = 30;
const QUEUE = QUEUE_NAMES.notificacionesProcessing;
const TABLE = 'arka-notifications-audit-bench';
/**
 * The goal: the largest burst the platform makes (a bulk request to 50 suppliers, a
 * few notifications each, about 250) drains locally within 10 s, on the shared 2-core
 * machine, while dynalite and the local SES server share the same cores.
 */
const GOAL_PER_SECOND = 25;

/** Silent Logger and Metrics for both runs; the environment is restored for the other suites. */
function observability(): Pick<HandlerDeps, 'logger' | 'metrics'> {
  const previous = process.env.POWERTOOLS_METRICS_DISABLED;
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  try {
    return {
      logger: new Logger({ serviceName: SUITE, logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'Arka/Notifications', serviceName: SUITE }),
    };
  } finally {
    if (previous === undefined) delete process.env.POWERTOOLS_METRICS_DISABLED;
    else process.env.POWERTOOLS_METRICS_DISABLED = previous;
  }
}

async function publishEmails(broker: EmbeddedBroker, run: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const message = {
      id: `${run}-${i}`,
      type: 'email' as const,
      recipient: `cliente${i % 50}@arka.test`,
      subject: `Cotización COT-${i} <lista>`,
      message: 'Su cotización está lista. Revise el detalle en el portal de Arka.',
      priority: 'normal' as const,
      service: 'cotizador',
      occurredAt: new Date().toISOString(),
    };
    await broker.publish(TOPIC_NAMES.notificaciones, {
      body: JSON.stringify(message),
      attributes: notificationAttributes(message),
    });
  }
}

/** Drains the queue through the event source; returns notifications per second. */
async function drain(deps: HandlerDeps, label: string, dir: string): Promise<number> {
  const broker = EmbeddedBroker.open({ path: join(dir, `${label}.sqlite`) });
  try {
    const source = new LocalSqsEventSource({
      broker,
      queue: QUEUE,
      handler: createHandler(deps),
      batchSize: 10,
    });
    await publishEmails(broker, `${label}-warm`, WARM_UP);
    while ((await source.pollOnce()).received > 0);
    await publishEmails(broker, label, MESSAGES);
    let processed = 0;
    const started = performance.now();
    for (;;) {
      const result = await source.pollOnce();
      if (result.received === 0) break;
      if (result.retried.length > 0)
        throw new Error(`${label}: ${result.retried.length} notifications failed`);
      processed += result.deleted;
    }
    const seconds = (performance.now() - started) / 1000;
    if (processed !== MESSAGES) throw new Error(`${label}: processed ${processed} of ${MESSAGES}`);
    return processed / seconds;
  } finally {
    await broker.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'arka-notifications-bench-'));
  const [dynalite, ses] = await Promise.all([startDynalite(), startSesLocal()]);
  try {
    await createAuditTable(dynalite.endpoint, TABLE);
    const common = { ...observability(), environment: 'local', now: () => new Date() };
    const baseline = await drain(
      {
        ...common,
        audit: new InMemoryAuditStore({ environment: 'local', ttlDays: 1, leaseSeconds: 60 }),
        channels: noopChannels(),
      },
      'noop',
      dir,
    );
    const sesClient = new SESv2Client({ region: REGION, endpoint: ses.endpoint, credentials });
    const real = await drain(
      {
        ...common,
        audit: new DynamoDbAuditStore(documentClient(dynalite.endpoint), {
          tableName: TABLE,
          environment: 'local',
          ttlDays: 1,
          leaseSeconds: 60,
        }),
        channels: { ...noopChannels(), email: new SesEmailSender(sesClient, 'bench@arka.test') },
      },
      'local-servers',
      dir,
    );
    return [
      {
        suite: SUITE,
        name: `emails through the local event source, dynalite + local SES (${MESSAGES}, batches of 10)`,
        value: real,
        unit: 'msg/s',
        baseline: { name: 'same handler, no-op providers + in-memory audit', value: baseline },
        goal: `≥ ${GOAL_PER_SECOND} msg/s`,
        met: real >= GOAL_PER_SECOND,
      },
      {
        suite: SUITE,
        name: 'same handler, no-op providers + in-memory audit (baseline)',
        value: baseline,
        unit: 'msg/s',
      },
    ];
  } finally {
    await Promise.all([dynalite.stop(), ses.stop()]);
    await rm(dir, { recursive: true, force: true });
  }
}
