import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnsCriticalAlertPublisher } from '../src/alerts/sns-critical-alert-publisher';
import { SnsPushSender } from '../src/mobile/sns-push-sender';
import { SnsSmsSender } from '../src/mobile/sns-sms-sender';
import { credentials, CRITICAL_TOPIC_ARN, REGION } from './helpers/handler-deps';

const client = new SNSClient({ region: REGION, credentials });
const sns = mockClient(client);
const ENDPOINT = 'arn:aws:sns:us-east-1:123456789012:endpoint/APNS/arka-ios/1a2b3c';

beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'sns-42' });
});

afterEach(() => {
  sns.reset();
});

const onlyInput = () => {
  const calls = sns.commandCalls(PublishCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input;
};

describe('SNS adapters', () => {
  it('sends an SMS to the phone number as transactional traffic', async () => {
    const result = await new SnsSmsSender(client).send({ to: '+573001234567', text: 'Arka: hola' });

    expect(result).toEqual({ messageId: 'sns-42' });
    expect(onlyInput()).toEqual({
      PhoneNumber: '+573001234567',
      Message: 'Arka: hola',
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it('sends a push to the endpoint with a payload per platform', async () => {
    await new SnsPushSender(client).send({ endpointArn: ENDPOINT, title: 'Pedido', body: 'Listo "ya"' });

    const input = onlyInput();
    expect(input?.TargetArn).toBe(ENDPOINT);
    expect(input?.MessageStructure).toBe('json');
    const payload = JSON.parse(input?.Message ?? '{}');
    expect(payload.default).toBe('Listo "ya"');
    expect(JSON.parse(payload.GCM)).toEqual({ notification: { title: 'Pedido', body: 'Listo "ya"' } });
    expect(JSON.parse(payload.APNS)).toEqual({ aps: { alert: { title: 'Pedido', body: 'Listo "ya"' } } });
  });

  it('publishes a critical alert to the configured topic with its attributes', async () => {
    const alert = {
      notificationId: 'n1',
      type: 'sms',
      subject: null,
      message: 'Servidor caído',
      service: 'cotizador',
      occurredAt: '2026-12-03T10:00:00.000Z',
      environment: 'prod',
    };

    await new SnsCriticalAlertPublisher(client, CRITICAL_TOPIC_ARN).publish(alert);

    const input = onlyInput();
    expect(input?.TopicArn).toBe(CRITICAL_TOPIC_ARN);
    expect(JSON.parse(input?.Message ?? '')).toEqual(alert);
    expect(input?.MessageAttributes).toEqual({
      priority: { DataType: 'String', StringValue: 'critical' },
      type: { DataType: 'String', StringValue: 'sms' },
      service: { DataType: 'String', StringValue: 'cotizador' },
    });
  });

  it('fails when SNS accepts a message without returning its id', async () => {
    sns.on(PublishCommand).resolves({});

    await expect(new SnsSmsSender(client).send({ to: '+573001234567', text: 'x' })).rejects.toThrow(
      'no MessageId',
    );
  });

  it('passes a provider error through untouched', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' });
    sns.on(PublishCommand).rejects(throttled);

    await expect(new SnsSmsSender(client).send({ to: '+573001234567', text: 'x' })).rejects.toBe(throttled);
  });
});
