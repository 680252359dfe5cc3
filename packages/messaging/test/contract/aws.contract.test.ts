import { describe } from 'vitest';
import { messagingEnvSchema } from '../../src/config';
import { createMessaging } from '../../src/create-messaging';
import { messagingPortsContract } from './messaging-ports.contract';

/**
 * Runs the contract against real SNS/SQS (or any compatible endpoint) when
 * MESSAGING_CONTRACT_AWS=1 and the usual AWS_REGION / MESSAGING_* variables name
 * the queues and topic; nothing on this machine serves SQS, so it skips by default.
 */
const enabled = process.env.MESSAGING_CONTRACT_AWS === '1';
if (!enabled) {
  console.info(
    'messaging AWS contract skipped: set MESSAGING_CONTRACT_AWS=1 with AWS_REGION, MESSAGING_TOPIC_ARNS, MESSAGING_QUEUE_URLS',
  );
}

describe.skipIf(!enabled)('SNS + SQS', () => {
  messagingPortsContract('SNS + SQS', async () =>
    createMessaging(messagingEnvSchema.parse({ ...process.env, MESSAGING_DRIVER: 'aws' })),
  );
});
