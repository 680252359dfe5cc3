/**
 * The SNS/SQS side of createMessaging, in its own module so that the embedded
 * mode never loads the AWS SDK (about 23 MB per process).
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { MessagingConfig } from '../config';
import type { MessagingLogger } from '../logger';
import { SnsTopicPublisher } from './sns-topic-publisher';
import { SqsQueueConsumer } from './sqs-queue-consumer';
import { SqsQueueSender } from './sqs-queue-sender';

export function createAwsMessaging(
  config: Extract<MessagingConfig, { driver: 'aws' }>,
  options: { logger?: MessagingLogger },
) {
  const clientConfig = { region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) };
  const sns = new SNSClient(clientConfig);
  const sqs = new SQSClient(clientConfig);
  const consumers: SqsQueueConsumer[] = [];
  return {
    driver: 'aws' as const,
    publisher: new SnsTopicPublisher(sns, config.topicArns),
    sender: new SqsQueueSender(sqs, config.queueUrls),
    consumer: () => {
      const consumer = new SqsQueueConsumer(
        sqs,
        config.queueUrls,
        options.logger ? { logger: options.logger } : {},
      );
      consumers.push(consumer);
      return consumer;
    },
    close: async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      sns.destroy();
      sqs.destroy();
    },
  };
}
