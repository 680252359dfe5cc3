import { type Stack, aws_sns as sns, aws_sqs as sqs } from 'aws-cdk-lib';
import { QUEUES, TOPICS, type QueueName, type TopicName } from '@arka/messaging';
import type { EnvName } from './config';
import { MESSAGING_KEY_PARAMETER, queueParameter, topicParameter } from './messaging-stack';
import { readParameter } from './parameters';

/** Queues and topics of the messaging stack, seen from a consumer stack through SSM. */
export class ImportedMessaging {
  private readonly queues = new Map<string, sqs.IQueue>();
  private readonly topics = new Map<string, sns.ITopic>();
  readonly keyArn: string;

  constructor(
    private readonly stack: Stack,
    private readonly env: EnvName,
  ) {
    this.keyArn = readParameter(stack, env, MESSAGING_KEY_PARAMETER);
  }

  /** Carries the KMS key, so `grantXxx` also grants the key use the queue needs. The URL is derived from the ARN. */
  queue(name: QueueName): sqs.IQueue {
    const known = this.queues.get(name);
    if (known !== undefined) return known;
    const queue = sqs.Queue.fromQueueAttributes(this.stack, `Queue-${name}`, {
      queueArn: readParameter(this.stack, this.env, queueParameter(name, 'arn')),
      keyArn: this.keyArn,
    });
    this.queues.set(name, queue);
    return queue;
  }

  topic(name: TopicName): sns.ITopic {
    const known = this.topics.get(name);
    if (known !== undefined) return known;
    const topic = sns.Topic.fromTopicAttributes(this.stack, `Topic-${name}`, {
      topicArn: readParameter(this.stack, this.env, topicParameter(name)),
      keyArn: this.keyArn,
    });
    this.topics.set(name, topic);
    return topic;
  }

  queueUrl(name: QueueName): string {
    return readParameter(this.stack, this.env, queueParameter(name, 'url'));
  }

  /** `MESSAGING_TOPIC_ARNS`: JSON object, topology name → ARN. */
  topicArnsJson(): string {
    return this.stack.toJsonString(
      Object.fromEntries(TOPICS.map((t) => [t.name, this.topic(t.name).topicArn])),
    );
  }

  /** `MESSAGING_QUEUE_URLS`: JSON object, topology name → URL. */
  queueUrlsJson(): string {
    return this.stack.toJsonString(Object.fromEntries(QUEUES.map((q) => [q.name, this.queueUrl(q.name)])));
  }
}
