import { PublishBatchCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SnsTopicPublisher } from '../../src/aws/sns-topic-publisher';
import { SqsQueueSender } from '../../src/aws/sqs-queue-sender';
import { PartialBatchError } from '../../src/errors';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:arka-notificaciones-dev';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/arka-solicitudes-dev';
const THREE = [{ body: 'a' }, { body: 'b' }, { body: 'c' }];

describe('SnsTopicPublisher.publishBatch', () => {
  const sns = mockClient(SNSClient);
  afterEach(() => sns.reset());
  const publisher = () =>
    new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), { 'arka-notificaciones': TOPIC_ARN });

  it('publishes in one PublishBatch request, one entry per message with its index as Id', async () => {
    // Prepare: SNS lists the results in any order
    sns.on(PublishBatchCommand).resolves({
      Successful: [
        { Id: '1', MessageId: 'sns-b' },
        { Id: '0', MessageId: 'sns-a' },
      ],
      Failed: [],
    });

    // Act
    const ids = await publisher().publishBatch('arka-notificaciones', [
      { body: '{"id":"n1"}', subject: 'Nueva cotización', attributes: { priority: 'high', attempt: 3 } },
      { body: '{"id":"n2"}' },
    ]);

    // Assess
    expect(ids).toEqual(['sns-a', 'sns-b']);
    expect(sns.commandCalls(PublishBatchCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        TopicArn: TOPIC_ARN,
        PublishBatchRequestEntries: [
          {
            Id: '0',
            Message: '{"id":"n1"}',
            Subject: 'Nueva cotización',
            MessageAttributes: {
              priority: { DataType: 'String', StringValue: 'high' },
              attempt: { DataType: 'Number', StringValue: '3' },
            },
          },
          { Id: '1', Message: '{"id":"n2"}', Subject: undefined, MessageAttributes: undefined },
        ],
      },
    ]);
  });

  it('rejects with the count of leading entries accepted when one fails, even if later ones succeeded', async () => {
    sns.on(PublishBatchCommand).resolves({
      Successful: [
        { Id: '0', MessageId: 'sns-a' },
        { Id: '2', MessageId: 'sns-c' },
      ],
      Failed: [{ Id: '1', Code: 'InternalError', Message: 'try again', SenderFault: false }],
    });

    const publishing = publisher().publishBatch('arka-notificaciones', THREE);

    await expect(publishing).rejects.toBeInstanceOf(PartialBatchError);
    await expect(publishing).rejects.toMatchObject({
      code: 'BATCH_PARTIALLY_ACCEPTED',
      accepted: 1,
      messageIds: ['sns-a'],
      failures: [{ index: 1, code: 'InternalError', message: 'try again', senderFault: false }],
      message: expect.stringContaining('entry 1 failed: InternalError try again'),
    });
  });

  it('rejects with 0 accepted when the first entry fails', async () => {
    sns.on(PublishBatchCommand).resolves({
      Successful: [{ Id: '1', MessageId: 'sns-b' }],
      Failed: [
        { Id: '2', Code: 'InvalidParameter', Message: 'bad attribute', SenderFault: true },
        { Id: '0', Code: 'InternalError', SenderFault: false },
      ],
    });

    await expect(publisher().publishBatch('arka-notificaciones', THREE)).rejects.toMatchObject({
      accepted: 0,
      messageIds: [],
      failures: [
        { index: 0, code: 'InternalError', message: '', senderFault: false },
        { index: 2, code: 'InvalidParameter', message: 'bad attribute', senderFault: true },
      ],
    });
  });

  it('counts an entry SNS reported neither way as failed', async () => {
    sns.on(PublishBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'sns-a' }] });

    await expect(publisher().publishBatch('arka-notificaciones', THREE)).rejects.toMatchObject({
      accepted: 1,
      failures: [{ index: 1, code: 'MissingResult' }],
    });
  });

  it('fails without calling SNS if the topic has no ARN in the map', async () => {
    await expect(publisher().publishBatch('arka-critical-alerts', THREE)).rejects.toMatchObject({
      code: 'TOPIC_NOT_FOUND',
    });
    expect(sns.calls()).toHaveLength(0);
  });

  it('passes a failure of the whole request through untouched', async () => {
    sns.on(PublishBatchCommand).rejects(new Error('TooManyEntriesInBatchRequest'));

    const publishing = publisher().publishBatch('arka-notificaciones', THREE);

    await expect(publishing).rejects.toThrow('TooManyEntriesInBatchRequest');
    await expect(publishing).rejects.not.toBeInstanceOf(PartialBatchError);
  });
});

describe('SqsQueueSender.sendBatch', () => {
  const sqs = mockClient(SQSClient);
  afterEach(() => sqs.reset());
  const sender = () =>
    new SqsQueueSender(new SQSClient({ region: 'us-east-1' }), { 'arka-solicitudes': QUEUE_URL });

  it('sends in one SendMessageBatch request with attributes and delays, ids in entry order', async () => {
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [
        { Id: '1', MessageId: 'sqs-b', MD5OfMessageBody: 'x' },
        { Id: '0', MessageId: 'sqs-a', MD5OfMessageBody: 'y' },
      ],
      Failed: [],
    });

    const ids = await sender().sendBatch('arka-solicitudes', [
      { body: '{"solicitudId":"S1"}', attributes: { kind: 'dispatch', proveedores: 2 }, delaySeconds: 5 },
      { body: '{"solicitudId":"S2"}' },
    ]);

    expect(ids).toEqual(['sqs-a', 'sqs-b']);
    expect(sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        QueueUrl: QUEUE_URL,
        Entries: [
          {
            Id: '0',
            MessageBody: '{"solicitudId":"S1"}',
            MessageAttributes: {
              kind: { DataType: 'String', StringValue: 'dispatch' },
              proveedores: { DataType: 'Number', StringValue: '2' },
            },
            DelaySeconds: 5,
          },
          {
            Id: '1',
            MessageBody: '{"solicitudId":"S2"}',
            MessageAttributes: undefined,
            DelaySeconds: undefined,
          },
        ],
      },
    ]);
  });

  it('rejects with the count of leading entries accepted when one fails', async () => {
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [
        { Id: '0', MessageId: 'sqs-a', MD5OfMessageBody: 'x' },
        { Id: '1', MessageId: 'sqs-b', MD5OfMessageBody: 'x' },
      ],
      Failed: [{ Id: '2', Code: 'InternalError', Message: 'try again', SenderFault: false }],
    });

    await expect(sender().sendBatch('arka-solicitudes', THREE)).rejects.toMatchObject({
      code: 'BATCH_PARTIALLY_ACCEPTED',
      accepted: 2,
      messageIds: ['sqs-a', 'sqs-b'],
      failures: [{ index: 2, code: 'InternalError', senderFault: false }],
    });
  });

  it('fails without calling SQS if the queue has no URL in the map', async () => {
    await expect(sender().sendBatch('arka-cotizaciones', THREE)).rejects.toMatchObject({
      code: 'QUEUE_NOT_FOUND',
    });
    expect(sqs.calls()).toHaveLength(0);
  });

  it('passes a failure of the whole request through untouched', async () => {
    sqs.on(SendMessageBatchCommand).rejects(new Error('AWS.SimpleQueueService.BatchRequestTooLong'));

    await expect(sender().sendBatch('arka-solicitudes', THREE)).rejects.toThrow('BatchRequestTooLong');
  });
});
