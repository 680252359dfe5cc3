import type { BrokerQueueDefinition, BrokerTopology } from '../../src/embedded/broker-topology';
import { QUEUES, TOPICS } from '../../src/topology';

export function queueDefinition(name: string): BrokerQueueDefinition {
  return {
    name,
    visibilityTimeoutSeconds: 30,
    maxReceiveCount: 3,
    retentionSeconds: 3600,
    receiveWaitTimeSeconds: 0,
    deadLetterQueueName: `${name}-dlq`,
  };
}

/** The cloud topology plus a test topic with a raw and a filtered subscription. */
export const TEST_TOPOLOGY: BrokerTopology = {
  queues: [...QUEUES, queueDefinition('raw-queue'), queueDefinition('urgent-queue')],
  topics: [
    ...TOPICS,
    {
      name: 'test-topic',
      subscriptions: [
        { protocol: 'sqs', queue: 'raw-queue', rawMessageDelivery: true },
        {
          protocol: 'sqs',
          queue: 'urgent-queue',
          rawMessageDelivery: true,
          filterPolicy: { priority: ['critical', 'high'], amount: [{ numeric: ['>', 100] }] },
        },
      ],
    },
  ],
};
