import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../src/create-handler';
import { failedIds, lambdaContext, notification, snsEnvelope, sqsEvent, sqsRecord } from './helpers/events';
import { credentials, CRITICAL_TOPIC_ARN, FROM, realDeps, REGION } from './helpers/handler-deps';
import { startIntegrationEnv, type IntegrationEnv } from './helpers/integration-env';
import { clearMailbox, sentEmails } from './helpers/ses-mailbox';

const PUSH_ARN = 'arn:aws:sns:us-east-1:123456789012:endpoint/GCM/arka-android/5c4b1d2e';
let env: IntegrationEnv;

beforeAll(async () => {
  env = await startIntegrationEnv();
});

afterAll(async () => {
  await env?.stop();
});

beforeEach(async () => {
  await clearMailbox(env.ses.endpoint);
  env.snsMock.reset();
  let n = 0;
  env.snsMock.on(PublishCommand).callsFake(async () => ({ MessageId: `sns-${++n}` }));
});

function setup() {
  const deps = realDeps({
    dynamodbEndpoint: env.dynalite.endpoint,
    sesEndpoint: env.sesProxy.endpoint,
    tableName: env.tableName,
    sns: env.sns,
  });
  const errors = vi.spyOn(deps.logger, 'error');
  return { deps, errors, handler: createHandler(deps) };
}

const raw = (message: unknown) => sqsRecord(JSON.stringify(message));
const enveloped = (message: unknown) => sqsRecord(snsEnvelope(message));
const publishInputs = () => env.snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input);

describe('notifications handler (dynalite, local SES, mocked SNS)', () => {
  it('fails exactly the bad records of a mixed batch, each with its reason logged', async () => {
    const { handler, errors } = setup();
    const good = [
      raw(notification({ recipient: 'raw@arka.test' })),
      enveloped(notification({ recipient: 'envelope@arka.test' })),
      enveloped(notification({ type: 'sms', recipient: '+573001234567' })),
      raw(notification({ type: 'push', recipient: PUSH_ARN })),
    ];
    const bad: [string, ReturnType<typeof sqsRecord>][] = [
      ['BODY_NOT_JSON', sqsRecord('not json at all')],
      ['ENVELOPE_MESSAGE_NOT_JSON', sqsRecord(snsEnvelope('{broken'))],
      ['INVALID_MESSAGE', raw({ ...notification(), id: undefined })],
      ['INVALID_MESSAGE', raw({ ...notification(), type: undefined })],
      ['INVALID_MESSAGE', enveloped({ ...notification(), recipient: undefined })],
      ['INVALID_MESSAGE', raw({ ...notification(), message: undefined })],
      ['INVALID_MESSAGE', raw({ ...notification(), type: 'fax' })],
      ['INVALID_EMAIL_RECIPIENT', raw(notification({ recipient: 'not-an-address' }))],
      ['INVALID_SMS_RECIPIENT', raw(notification({ type: 'sms', recipient: '300 123 4567' }))],
      ['INVALID_PUSH_RECIPIENT', raw(notification({ type: 'push', recipient: 'device-token' }))],
    ];
    // Good and bad records interleaved, so a failure cannot spill onto its neighbours unnoticed.
    const records = bad.flatMap(([, r], i) => (good[i] === undefined ? [r] : [r, good[i]]));

    const response = await handler(sqsEvent(...records), lambdaContext());

    expect(failedIds(response)).toEqual(bad.map(([, r]) => r.messageId).sort());
    expect((await sentEmails(env.ses.endpoint)).map((m) => m.destination.to[0]).sort()).toEqual([
      'envelope@arka.test',
      'raw@arka.test',
    ]);
    expect(publishInputs().map((i) => i.PhoneNumber ?? i.TargetArn)).toEqual(
      expect.arrayContaining(['+573001234567', PUSH_ARN]),
    );
    for (const [code, record] of bad) {
      expect(errors).toHaveBeenCalledWith(
        'notification record failed',
        expect.objectContaining({ sqsMessageId: record.messageId, code, reason: expect.any(String) }),
      );
    }
  });

  it('returns every record when the whole batch fails, rather than throwing', async () => {
    const { handler } = setup();
    const records = [sqsRecord('x'), sqsRecord('y')];

    const response = await handler(sqsEvent(...records), lambdaContext());

    expect(failedIds(response)).toEqual(records.map((r) => r.messageId).sort());
  });

  it('sends a message delivered twice in one batch and again in a later batch once', async () => {
    const { handler, deps } = setup();
    const message = notification({ recipient: 'once@arka.test' });

    const first = await handler(sqsEvent(raw(message), enveloped(message)), lambdaContext());
    const second = await handler(sqsEvent(enveloped(message)), lambdaContext());

    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(await sentEmails(env.ses.endpoint)).toHaveLength(1);
    expect(await deps.audit.find(message.id)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('fails a throttled send without recording SENT, and the retry sends it once', async () => {
    const { handler, deps } = setup();
    const message = notification({ recipient: 'throttled@arka.test' });
    env.sesProxy.failNext(1, {
      status: 429,
      type: 'TooManyRequestsException',
      message: 'Maximum sending rate exceeded',
    });
    const record = raw(message);

    const throttled = await handler(sqsEvent(record), lambdaContext());

    expect(failedIds(throttled)).toEqual([record.messageId]);
    expect(await sentEmails(env.ses.endpoint)).toEqual([]);
    expect(await deps.audit.find(message.id)).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringContaining('TooManyRequestsException'),
      providerMessageId: null,
      sentAt: null,
    });

    const retried = await handler(sqsEvent(raw(message)), lambdaContext());
    const again = await handler(sqsEvent(raw(message)), lambdaContext());

    expect(retried.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(await sentEmails(env.ses.endpoint)).toHaveLength(1);
    expect(await deps.audit.find(message.id)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('fails only the record the provider rejects', async () => {
    const { handler, errors } = setup();
    env.sesProxy.failNext(1, {
      status: 400,
      type: 'MessageRejected',
      message: 'Email address is not verified.',
    });
    const rejected = raw(notification({ recipient: 'rejected@arka.test' }));
    const accepted = raw(notification({ recipient: 'accepted@arka.test' }));

    const response = await handler(sqsEvent(rejected, accepted), lambdaContext());

    expect(failedIds(response)).toEqual([rejected.messageId]);
    expect((await sentEmails(env.ses.endpoint)).map((m) => m.destination.to[0])).toEqual([
      'accepted@arka.test',
    ]);
    expect(errors).toHaveBeenCalledWith(
      'notification record failed',
      expect.objectContaining({ sqsMessageId: rejected.messageId, code: 'MessageRejected' }),
    );
  });

  it('sends an escaped HTML part and a plain-text part from the configured address', async () => {
    const { handler } = setup();
    const supplier = '<a href="https://phish.example">ACME</a>';

    await handler(
      sqsEvent(raw(notification({ subject: `Oferta de ${supplier}`, message: `${supplier} respondió` }))),
      lambdaContext(),
    );

    const [mail] = await sentEmails(env.ses.endpoint);
    expect(mail?.from).toBe(FROM);
    expect(mail?.subject).toBe(`[Arka] Oferta de ${supplier}`);
    expect(mail?.body.html).toContain(
      '&lt;a href=&quot;https://phish.example&quot;&gt;ACME&lt;/a&gt; respondió',
    );
    expect(mail?.body.html).not.toContain('<a href');
    expect(mail?.body.text).toContain(`${supplier} respondió`);
  });

  it('publishes an SMS fitted into one segment to the phone number', async () => {
    const { handler } = setup();

    await handler(
      sqsEvent(
        raw(
          notification({
            type: 'sms',
            recipient: '+34600111222',
            message: `Cotización ${'lista '.repeat(20)}`,
          }),
        ),
      ),
      lambdaContext(),
    );

    const [input] = publishInputs();
    expect(input?.PhoneNumber).toBe('+34600111222');
    expect(input?.Message).toHaveLength(70);
    expect(input?.Message?.endsWith('…')).toBe(true);
  });

  it('publishes a critical notification to the configured critical-alerts topic', async () => {
    const { handler, deps } = setup();
    const message = notification({ priority: 'critical' });

    await handler(sqsEvent(enveloped(message)), lambdaContext());

    const alerts = publishInputs().filter((i) => i.TopicArn !== undefined);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.TopicArn).toBe(CRITICAL_TOPIC_ARN);
    expect(JSON.parse(alerts[0]?.Message ?? '')).toMatchObject({
      notificationId: message.id,
      environment: 'local',
    });
    expect(await deps.audit.find(message.id)).toMatchObject({
      criticalAlert: 'PUBLISHED',
      criticalAlertMessageId: 'sns-1',
    });
  });

  it('retries a failed critical alert without sending the email again', async () => {
    const { handler, deps } = setup();
    const message = notification({ priority: 'critical', recipient: 'ops@arka.test' });
    env.snsMock
      .on(PublishCommand)
      .rejectsOnce(new Error('SNS throttled'))
      .resolves({ MessageId: 'sns-alert' });
    const record = raw(message);

    const first = await handler(sqsEvent(record), lambdaContext());
    expect(failedIds(first)).toEqual([record.messageId]);
    expect(await deps.audit.find(message.id)).toMatchObject({ status: 'SENT', criticalAlert: 'PENDING' });

    const retry = await handler(sqsEvent(raw(message)), lambdaContext());

    expect(retry.batchItemFailures).toEqual([]);
    expect(await sentEmails(env.ses.endpoint)).toHaveLength(1);
    expect(publishInputs().filter((i) => i.TopicArn === CRITICAL_TOPIC_ARN)).toHaveLength(2);
    expect(await deps.audit.find(message.id)).toMatchObject({ criticalAlert: 'PUBLISHED' });
  });

  it('writes every optional audit attribute explicitly, as NULL when it has no value', async () => {
    const { handler } = setup();
    const { subject: _subject, ...withoutSubject } = notification();

    await handler(sqsEvent(raw(withoutSubject)), lambdaContext());

    const client = new DynamoDBClient({ region: REGION, endpoint: env.dynalite.endpoint, credentials });
    const { Item } = await client.send(
      new GetItemCommand({ TableName: env.tableName, Key: { id: { S: withoutSubject.id } } }),
    );
    client.destroy();
    expect(Item).toMatchObject({
      subject: { NULL: true },
      lastError: { NULL: true },
      leaseUntil: { NULL: true },
      criticalAlert: { NULL: true },
      criticalAlertMessageId: { NULL: true },
      status: { S: 'SENT' },
      sentAt: { S: expect.any(String) },
      providerMessageId: { S: expect.any(String) },
      environment: { S: 'local' },
      service: { S: 'gestor-solicitudes' },
      expiresAt: { N: expect.any(String) },
    });
  });
});
