/**
 * What the embedded broker provisions on open: by default the cloud topology of
 * `topology.ts`; tests may pass their own (e.g. a raw-delivery or filtered queue).
 */
import { QUEUES, TOPICS, type FilterPolicy } from '../topology';

export interface BrokerQueueDefinition {
  readonly name: string;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retentionSeconds: number;
  readonly receiveWaitTimeSeconds: number;
  readonly deadLetterQueueName: string;
  /** @default 0 - messages are visible as soon as they are sent */
  readonly delaySeconds?: number;
}

export type BrokerSubscription =
  | {
      readonly protocol: 'sqs';
      readonly queue: string;
      readonly rawMessageDelivery: boolean;
      readonly filterPolicy?: FilterPolicy;
    }
  | { readonly protocol: 'email'; readonly endpointRole: string; readonly filterPolicy?: FilterPolicy };

export interface BrokerTopicDefinition {
  readonly name: string;
  readonly subscriptions: readonly BrokerSubscription[];
}

export interface BrokerTopology {
  readonly queues: readonly BrokerQueueDefinition[];
  readonly topics: readonly BrokerTopicDefinition[];
}

export const CLOUD_TOPOLOGY: BrokerTopology = Object.freeze({ queues: QUEUES, topics: TOPICS });

/** A dead-letter queue keeps SQS's default visibility timeout: nothing consumes it automatically. */
export const DEAD_LETTER_VISIBILITY_SECONDS = 30;
