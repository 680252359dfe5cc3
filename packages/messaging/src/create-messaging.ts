/**
 * Builds the messaging adapters a service needs from its configuration, so the
 * composition root is the only place that knows which broker is in use.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

export async function createMessaging(
  config: MessagingConfig,
  options: { logger?: MessagingLogger } = {},
): Promise<Messaging> {
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
  const { createAwsMessaging } = await import('./aws/create-aws-messaging');
  return createAwsMessaging(config, options);
}
