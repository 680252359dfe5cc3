import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SnsTopicPublisher } from '../../src/aws/sns-topic-publisher';
import { SqsQueueSender } from '../../src/aws/sqs-queue-sender';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:arka-notificaciones-dev';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/arka-solicitudes-dev';

describe('SnsTopicPublisher', () => {
  const sns = mockClient(SNSClient);
  afterEach(() => sns.reset());

  it('publishes to the ARN of the logical topic with typed message attributes', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const publisher = new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), {
      'arka-notificaciones': TOPIC_ARN,
    });

    // Act
    const result = await publisher.publish('arka-notificaciones', {
      body: '{"id":"n1"}',
      subject: 'Nueva cotización',
      attributes: { priority: 'high', type: 'email', attempt: 3 },
    });

    // Assess
    expect(result).toEqual({ messageId: 'sns-1' });
    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        TopicArn: TOPIC_ARN,
        Message: '{"id":"n1"}',
        Subject: 'Nueva cotización',
        MessageAttributes: {
          priority: { DataType: 'String', StringValue: 'high' },
          type: { DataType: 'String', StringValue: 'email' },
          attempt: { DataType: 'Number', StringValue: '3' },
        },
      },
    ]);
  });

  it('sends no MessageAttributes when the message has none', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-2' });
    const publisher = new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), {
      'arka-notificaciones': TOPIC_ARN,
    });

    await publisher.publish('arka-notificaciones', { body: 'x' });

    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input.MessageAttributes).toBeUndefined();
  });

  it('fails without calling SNS if the topic has no ARN in the map', async () => {
    const publisher = new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), {
      'arka-notificaciones': TOPIC_ARN,
    });

    await expect(publisher.publish('arka-critical-alerts', { body: 'x' })).rejects.toMatchObject({
      code: 'TOPIC_NOT_FOUND',
    });
    expect(sns.calls()).toHaveLength(0);
  });

  it('passes an SNS failure through untouched', async () => {
    sns.on(PublishCommand).rejects(new Error('AuthorizationError'));
    const publisher = new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), {
      'arka-notificaciones': TOPIC_ARN,
    });

    await expect(publisher.publish('arka-notificaciones', { body: 'x' })).rejects.toThrow(
      'AuthorizationError',
    );
  });
});

describe('SqsQueueSender', () => {
  const sqs = mockClient(SQSClient);
  afterEach(() => sqs.reset());

  it('sends to the URL of the logical queue with attributes and delay', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'sqs-1' });
    const sender = new SqsQueueSender(new SQSClient({ region: 'us-east-1' }), {
      'arka-solicitudes': QUEUE_URL,
    });

    const result = await sender.send('arka-solicitudes', {
      body: '{"solicitudId":"S1"}',
      attributes: { kind: 'dispatch', proveedores: 2 },
      delaySeconds: 5,
    });

    expect(result).toEqual({ messageId: 'sqs-1' });
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        QueueUrl: QUEUE_URL,
        MessageBody: '{"solicitudId":"S1"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'dispatch' },
          proveedores: { DataType: 'Number', StringValue: '2' },
        },
        DelaySeconds: 5,
      },
    ]);
  });

  it('fails without calling SQS if the queue has no URL in the map', async () => {
    const sender = new SqsQueueSender(new SQSClient({ region: 'us-east-1' }), {
      'arka-solicitudes': QUEUE_URL,
    });

    await expect(sender.send('arka-cotizaciones', { body: 'x' })).rejects.toMatchObject({
      code: 'QUEUE_NOT_FOUND',
    });
    expect(sqs.calls()).toHaveLength(0);
  });
});
