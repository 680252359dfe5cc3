import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryAuditStore } from '../src/audit/in-memory-audit-store';
import { createHandler } from '../src/create-handler';
import { lambdaContext, notification, sqsEvent, sqsRecord } from './helpers/events';
import { quietObservability } from './helpers/handler-deps';
import { recordingChannels } from './helpers/recording-channels';

function setup() {
  const fake = recordingChannels();
  const deps = {
    ...quietObservability(),
    audit: new InMemoryAuditStore({ environment: 'test', ttlDays: 1, leaseSeconds: 60 }),
    channels: fake.channels,
    environment: 'test',
    now: () => new Date(),
  };
  const addMetric = vi.spyOn(deps.metrics, 'addMetric');
  const publish = vi.spyOn(deps.metrics, 'publishStoredMetrics');
  const info = vi.spyOn(deps.logger, 'info');
  return { fake, deps, addMetric, publish, info, handler: createHandler(deps) };
}

describe('createHandler (in-memory adapters)', () => {
  it('counts sent, duplicate, rejected and failed records and flushes the metrics once per invocation', async () => {
    const { handler, fake, addMetric, publish } = setup();
    const message = notification();
    fake.failNext('sms', new Error('provider down'));

    await handler(
      sqsEvent(
        sqsRecord(JSON.stringify(message)),
        sqsRecord(JSON.stringify(message)),
        sqsRecord('not json'),
        sqsRecord(JSON.stringify(notification({ type: 'sms', recipient: '+573001234567' }))),
      ),
      lambdaContext(),
    );

    const counted = addMetric.mock.calls.map(([name, unit, value]) => [name, unit, value]).sort();
    expect(counted).toEqual([
      ['NotificationsDuplicate', MetricUnit.Count, 1],
      ['NotificationsFailed', MetricUnit.Count, 1],
      ['NotificationsRejected', MetricUnit.Count, 1],
      ['NotificationsSent', MetricUnit.Count, 1],
    ]);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('logs each processed notification with its id and outcome', async () => {
    const { handler, info } = setup();
    const message = notification({ priority: 'high' });
    const record = sqsRecord(JSON.stringify(message));

    await handler(sqsEvent(record), lambdaContext());

    expect(info).toHaveBeenCalledWith('notification processed', {
      sqsMessageId: record.messageId,
      notificationId: message.id,
      type: 'email',
      priority: 'high',
      outcome: 'sent',
    });
  });

  it('answers an empty batch with no failures', async () => {
    const { handler } = setup();

    expect(await handler(sqsEvent(), lambdaContext())).toEqual({ batchItemFailures: [] });
  });
});
