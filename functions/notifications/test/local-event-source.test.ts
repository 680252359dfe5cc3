import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EmbeddedBroker,
  LocalSqsEventSource,
  notificationAttributes,
  QUEUE_NAMES,
  TOPIC_NAMES,
  type NotificationMessage,
} from '@arka/messaging';
import { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../src/create-handler';
import { notification } from './helpers/events';
import { realDeps } from './helpers/handler-deps';
import { startIntegrationEnv, type IntegrationEnv } from './helpers/integration-env';
import { clearMailbox, sentEmails } from './helpers/ses-mailbox';

const QUEUE = QUEUE_NAMES.notificacionesProcessing; // visibility 300 s, DLQ after 3 receives
const DLQ = `${QUEUE}-dlq`;

/** The broker's clock only moves when the test says so: no sleeping for visibility timeouts. */
class FakeClock {
  private current = Date.UTC(2026, 11, 3, 10, 0, 0);
  now(): number {
    return this.current;
  }
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
}

let env: IntegrationEnv;
let dir: string;
let broker: EmbeddedBroker;
let clock: FakeClock;

beforeAll(async () => {
  env = await startIntegrationEnv('arka-notifications-audit-event-source');
});

afterAll(async () => {
  await env?.stop();
});

beforeEach(async () => {
  await clearMailbox(env.ses.endpoint);
  env.snsMock.reset();
  env.snsMock.on(PublishCommand).resolves({ MessageId: 'sns-1' });
  dir = await mkdtemp(join(tmpdir(), 'arka-notifications-broker-'));
  clock = new FakeClock();
  broker = EmbeddedBroker.open({ path: join(dir, 'broker.sqlite'), clock, pollIntervalMs: 10 });
});

afterEach(async () => {
  await broker.close();
  await rm(dir, { recursive: true, force: true });
});

function eventSource() {
  const deps = realDeps({
    dynamodbEndpoint: env.dynalite.endpoint,
    sesEndpoint: env.sesProxy.endpoint,
    tableName: env.tableName,
    sns: env.sns,
  });
  return { deps, source: new LocalSqsEventSource({ broker, queue: QUEUE, handler: createHandler(deps) }) };
}

/** As producers do: on the topic, with the attributes its filter policies read; the queue gets the SNS envelope. */
async function publish(message: NotificationMessage): Promise<void> {
  await broker.publish(TOPIC_NAMES.notificaciones, {
    body: JSON.stringify(message),
    attributes: notificationAttributes(message),
  });
}

describe('the handler under the local SQS event source', () => {
  it('sends good messages once and moves a poison message to the DLQ after maxReceiveCount', async () => {
    const { source } = eventSource();
    const good = notification({ recipient: 'cliente@arka.test' });
    const poison = notification({ recipient: 'not-an-address' });
    await publish(good);
    await publish(poison);
    await publish(good);

    const first = await source.pollOnce();
    for (let receive = 2; receive <= 3; receive++) {
      clock.advanceSeconds(301);
      expect((await source.pollOnce()).retried).toHaveLength(1);
    }
    clock.advanceSeconds(301);
    const afterMaxReceives = await source.pollOnce();

    expect(first).toMatchObject({ received: 3, deleted: 2 });
    expect(first.retried).toHaveLength(1);
    expect(afterMaxReceives.received).toBe(0);
    expect(broker.peek(DLQ, 10).map((m) => JSON.parse(m.body).Message)).toEqual([JSON.stringify(poison)]);
    expect((await sentEmails(env.ses.endpoint)).map((m) => m.destination.to[0])).toEqual([
      'cliente@arka.test',
    ]);
  });

  it('retries a throttled send after the visibility timeout and sends it once', async () => {
    const { source, deps } = eventSource();
    const message = notification({ recipient: 'retry@arka.test' });
    await publish(message);
    env.sesProxy.failNext(1, {
      status: 429,
      type: 'TooManyRequestsException',
      message: 'Maximum sending rate exceeded',
    });

    const throttled = await source.pollOnce();
    clock.advanceSeconds(301);
    const retried = await source.pollOnce();

    expect(throttled.retried).toHaveLength(1);
    expect(retried).toMatchObject({ received: 1, deleted: 1, retried: [] });
    expect(await sentEmails(env.ses.endpoint)).toHaveLength(1);
    expect(await deps.audit.find(message.id)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(broker.peek(DLQ, 10)).toEqual([]);
  });
});
