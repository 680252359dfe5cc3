export * from './topology';
export * from './notification';
export * from './ports';
export { MessagingError, PartialBatchError, type BatchEntryFailure, type MessagingErrorCode } from './errors';
export { compileFilterPolicy, matchesFilterPolicy, type FilterPolicyMatcher } from './filter-policy';
export { localQueueArn, localTopicArn, snsEnvelope, type SnsEnvelope } from './sns-envelope';
export type { MessagingLogger } from './logger';
export { EmbeddedBroker, type EmbeddedBrokerOptions, type ReceiveOptions } from './embedded/embedded-broker';
export type {
  BrokerTopology,
  BrokerQueueDefinition,
  BrokerTopicDefinition,
} from './embedded/broker-topology';
export type {
  BrokerMessage,
  Clock,
  EndpointDelivery,
  PeekedMessage,
  QueueInfo,
  QueueStats,
  SubscriptionInfo,
} from './embedded/types';
export { OutboxRelay, type OutboxRelayOptions, type DrainResult } from './outbox/outbox-relay';
export { InMemoryOutboxStore } from './outbox/in-memory-outbox-store';
export {
  LocalSqsEventSource,
  type LocalSqsEventSourceOptions,
  type InvocationResult,
  type EventSourceBroker,
} from './event-source/local-sqs-event-source';
export type {
  LambdaContext,
  SqsBatchResponse,
  SqsEvent,
  SqsHandler,
  SqsMessageAttribute,
  SqsRecord,
} from './event-source/sqs-event';
export { messagingConfigSchema, messagingEnvSchema, type MessagingConfig } from './config';
export { createMessaging, type Messaging } from './create-messaging';
export type { DeadLetter, DeadLetterAdmin, DeadLetterQueueInfo } from './dlq/dead-letter-admin';
export { EmbeddedDeadLetterAdmin } from './dlq/embedded-dead-letter-admin';
