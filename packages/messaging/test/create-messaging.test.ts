import { join } from 'node:path';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { messagingConfigSchema, messagingEnvSchema } from '../src/config';
import { createMessaging } from '../src/create-messaging';
import { tempBrokerDir } from './helpers/broker';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:arka-notificaciones-dev';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/arka-solicitudes-dev';

describe('messaging configuration from the environment', () => {
  it('defaults to the embedded broker in ./.arka-data', () => {
    expect(messagingEnvSchema.parse({})).toEqual({
      driver: 'embedded',
      path: join('.arka-data', 'broker.sqlite'),
    });
  });

  it('places the broker file in ARKA_DATA_DIR', () => {
    expect(messagingEnvSchema.parse({ ARKA_DATA_DIR: '/var/arka' })).toEqual({
      driver: 'embedded',
      path: '/var/arka/broker.sqlite',
    });
  });

  it('reads the AWS driver with its JSON maps of topic ARNs and queue URLs', () => {
    const config = messagingEnvSchema.parse({
      MESSAGING_DRIVER: 'aws',
      AWS_REGION: 'us-east-1',
      MESSAGING_TOPIC_ARNS: JSON.stringify({ 'arka-notificaciones': TOPIC_ARN }),
      MESSAGING_QUEUE_URLS: JSON.stringify({ 'arka-solicitudes': QUEUE_URL }),
    });

    expect(config).toEqual({
      driver: 'aws',
      region: 'us-east-1',
      topicArns: { 'arka-notificaciones': TOPIC_ARN },
      queueUrls: { 'arka-solicitudes': QUEUE_URL },
    });
  });

  it('fails naming every bad variable', () => {
    const result = messagingEnvSchema.safeParse({
      MESSAGING_DRIVER: 'aws',
      MESSAGING_TOPIC_ARNS: '{not json',
      MESSAGING_QUEUE_URLS: JSON.stringify({ 'arka-solicitudes': 'not a url' }),
    });

    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('MESSAGING_TOPIC_ARNS');
  });

  it('fails naming the missing region and the bad queue URL once the JSON parses', () => {
    const result = messagingEnvSchema.safeParse({
      MESSAGING_DRIVER: 'aws',
      MESSAGING_TOPIC_ARNS: '{}',
      MESSAGING_QUEUE_URLS: JSON.stringify({ 'arka-solicitudes': 'not a url' }),
    });

    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['AWS_REGION', 'MESSAGING_QUEUE_URLS.arka-solicitudes']));
  });

  it('fails if a topic ARN is not an SNS ARN', () => {
    const result = messagingConfigSchema.safeParse({
      driver: 'aws',
      region: 'us-east-1',
      topicArns: { 'arka-notificaciones': QUEUE_URL },
      queueUrls: {},
    });

    expect(result.error?.issues[0]?.message).toBe('must be an SNS topic ARN');
  });
});

describe('createMessaging', () => {
  const sns = mockClient(SNSClient);
  const sqs = mockClient(SQSClient);
  const dir = tempBrokerDir();

  afterEach(() => {
    sns.reset();
    sqs.reset();
  });

  it('wires the embedded broker, creating its folder', async () => {
    const messaging = await createMessaging({ driver: 'embedded', path: dir.path('nested/broker.sqlite') });

    await messaging.sender.send('arka-solicitudes', { body: 'job' });
    const stats = messaging.driver === 'embedded' ? messaging.broker.stats('arka-solicitudes') : undefined;
    await messaging.close();
    dir.cleanup();

    expect(stats?.visible).toBe(1);
  });

  it('wires SNS and SQS with the configured maps', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'p' });
    sqs.on(SendMessageCommand).resolves({ MessageId: 's' });
    const messaging = await createMessaging({
      driver: 'aws',
      region: 'us-east-1',
      topicArns: { 'arka-notificaciones': TOPIC_ARN },
      queueUrls: { 'arka-solicitudes': QUEUE_URL },
    });

    await messaging.publisher.publish('arka-notificaciones', { body: 'n' });
    await messaging.sender.send('arka-solicitudes', { body: 's' });
    await messaging.close();

    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input.TopicArn).toBe(TOPIC_ARN);
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.QueueUrl).toBe(QUEUE_URL);
  });
});
