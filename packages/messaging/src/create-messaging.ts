/**
 * Builds the messaging adapters a service needs from its configuration, so the
 * composition root is the only place that knows which broker is in use.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SnsTopicPublisher } from './aws/sns-topic-publisher';
import { SqsQueueConsumer } from './aws/sqs-queue-consumer';
import { SqsQueueSender } from './aws/sqs-queue-sender';
import type { MessagingConfig } from './config';
import { EmbeddedBroker } from './embedded/embedded-broker';
import type { MessagingLogger } from './logger';
import type { QueueConsumer, QueueSender, TopicPublisher } from './ports';

interface MessagingPorts {
  readonly publisher: TopicPublisher;
  readonly sender: QueueSender;
  /** A new consumer; `close()` stops every consumer made here. */
  consumer(): QueueConsumer;
  close(): Promise<void>;
}

export type Messaging =
  | (MessagingPorts & { readonly driver: 'embedded'; readonly broker: EmbeddedBroker })
  | (MessagingPorts & { readonly driver: 'aws' });

export function createMessaging(
  config: MessagingConfig,
  options: { logger?: MessagingLogger } = {},
): Messaging {
  if (config.driver === 'embedded') {
    mkdirSync(dirname(config.path), { recursive: true });
    const broker = EmbeddedBroker.open({
      path: config.path,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return {
      driver: 'embedded',
      broker,
      publisher: broker,
      sender: broker,
      consumer: () => broker.consumer(),
      close: () => broker.close(),
    };
  }
  const clientConfig = { region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) };
  const sns = new SNSClient(clientConfig);
  const sqs = new SQSClient(clientConfig);
  const consumers: SqsQueueConsumer[] = [];
  return {
    driver: 'aws',
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
