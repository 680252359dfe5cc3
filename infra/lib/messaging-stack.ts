import {
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  aws_iam as iam,
  aws_kms as kms,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { QUEUES, TOPICS, type QueueDefinition, type Subscription } from '@arka/messaging';
import type { Construct } from 'constructs';
import type { EnvName } from './config';
import { toSubscriptionFilter } from './filter-policy';
import { names } from './names';
import { publishParameter, type ParameterKey } from './parameters';
import type { ArkaStackProps } from './settings';

export const queueParameter = (logical: string, attr: 'arn' | 'url' | 'dlq-arn'): ParameterKey =>
  `messaging/queue/${logical}/${attr}`;
export const topicParameter = (logical: string): ParameterKey => `messaging/topic/${logical}/arn`;
export const MESSAGING_KEY_PARAMETER: ParameterKey = 'messaging/key-arn';

/**
 * Queues, dead-letter queues, topics and subscriptions, generated from the same
 * topology module the embedded broker uses. All encrypted with one messaging key.
 */
export class MessagingStack extends Stack {
  readonly queues = new Map<string, sqs.Queue>();
  readonly topics = new Map<string, sns.Topic>();

  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env, opsEmail } = props.settings;

    const key = new kms.Key(this, 'MessagingKey', {
      alias: `alias/arka/${env}/messaging`,
      description: 'SQS queues and SNS topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // SNS must encrypt into the queues it feeds, and alarms must publish into the encrypted alerts topic.
    for (const service of ['sns.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'], // in a key policy "*" means this key
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      );
    }
    publishParameter(this, env, MESSAGING_KEY_PARAMETER, key.keyArn, 'KMS key of queues and topics');

    for (const definition of QUEUES) this.addQueue(definition, key, env);

    for (const definition of TOPICS) {
      const topic = new sns.Topic(this, `Topic-${definition.name}`, {
        topicName: names.topic(definition.name, env),
        masterKey: key,
        enforceSSL: true,
      });
      this.topics.set(definition.name, topic);
      definition.subscriptions.forEach((subscription) => this.subscribe(topic, subscription, opsEmail));
      publishParameter(
        this,
        env,
        topicParameter(definition.name),
        topic.topicArn,
        `ARN of ${definition.name}`,
      );
    }
  }

  private addQueue(definition: QueueDefinition, key: kms.IKey, env: EnvName): void {
    const retentionPeriod = Duration.seconds(definition.retentionSeconds);
    const common = {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod,
    };
    const dlq = new sqs.Queue(this, `Dlq-${definition.name}`, {
      ...common,
      queueName: names.queue(definition.deadLetterQueueName, env),
    });
    Validations.of(dlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue; messages end here for inspection and redrive.',
    });
    const queue = new sqs.Queue(this, `Queue-${definition.name}`, {
      ...common,
      queueName: names.queue(definition.name, env),
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      receiveMessageWaitTime: Duration.seconds(definition.receiveWaitTimeSeconds),
      deadLetterQueue: { queue: dlq, maxReceiveCount: definition.maxReceiveCount },
    });
    this.queues.set(definition.name, queue);
    const publish = (attr: 'arn' | 'url' | 'dlq-arn', value: string) =>
      publishParameter(
        this,
        env,
        queueParameter(definition.name, attr),
        value,
        `${attr} of ${definition.name}`,
      );
    publish('arn', queue.queueArn);
    publish('url', queue.queueUrl);
    publish('dlq-arn', dlq.queueArn);
  }

  private subscribe(topic: sns.Topic, subscription: Subscription, opsEmail: string): void {
    const filterPolicy =
      subscription.filterPolicy === undefined ? undefined : toSubscriptionFilter(subscription.filterPolicy);
    if (subscription.protocol === 'email') {
      topic.addSubscription(new subscriptions.EmailSubscription(opsEmail, { filterPolicy }));
      return;
    }
    const queue = this.queues.get(subscription.queue);
    if (queue === undefined)
      throw new Error(`topic ${topic.node.id} subscribes unknown queue ${subscription.queue}`);
    topic.addSubscription(
      new subscriptions.SqsSubscription(queue, {
        rawMessageDelivery: subscription.rawMessageDelivery,
        filterPolicy,
      }),
    );
  }
}
