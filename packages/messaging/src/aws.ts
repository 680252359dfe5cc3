/** The SNS/SQS adapters, apart from the main entry so the embedded mode never loads the AWS SDK. */
export { SnsTopicPublisher } from './aws/sns-topic-publisher';
export { SqsQueueSender } from './aws/sqs-queue-sender';
export { SqsQueueConsumer, type SqsQueueConsumerOptions } from './aws/sqs-queue-consumer';
export { SqsDeadLetterAdmin } from './dlq/sqs-dead-letter-admin';
