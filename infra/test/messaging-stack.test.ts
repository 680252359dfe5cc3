import { Match } from 'aws-cdk-lib/assertions';
import { OPS_EMAIL_FILTER_POLICY, QUEUES, TOPICS } from '@arka/messaging';
import { describe, expect, it } from 'vitest';
import { synth } from './helpers/synth';

// One synth for the file: the ops mailbox comes from context like on the command line.
const messaging = () => {
  const s = synth('dev', { context: { opsEmail: 'alerts@arka.example' } });
  return s.template(s.stacks.messaging);
};
const messagingKey = { 'Fn::GetAtt': [Match.stringLikeRegexp('^MessagingKey'), 'Arn'] };

describe('messaging stack', () => {
  it.each(QUEUES.map((q) => [q.name, q] as const))(
    'defines %s exactly as the topology says, with its DLQ',
    (_name, queue) => {
      const template = messaging();

      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `${queue.name}-dev`,
        VisibilityTimeout: queue.visibilityTimeoutSeconds,
        MessageRetentionPeriod: queue.retentionSeconds,
        ReceiveMessageWaitTimeSeconds: queue.receiveWaitTimeSeconds,
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Dlq'), 'Arn'] },
          maxReceiveCount: queue.maxReceiveCount,
        },
        KmsMasterKeyId: messagingKey,
      });
      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `${queue.deadLetterQueueName}-dev`,
        MessageRetentionPeriod: queue.retentionSeconds,
        KmsMasterKeyId: messagingKey,
        RedrivePolicy: Match.absent(),
      });
    },
  );

  it('keeps 14 days, polls 20 s and dead-letters after 3 or 5 receives (the design numbers)', () => {
    expect(QUEUES.map((q) => [q.retentionSeconds, q.receiveWaitTimeSeconds])).toEqual(
      QUEUES.map(() => [14 * 24 * 3600, 20]),
    );
    expect(new Set(QUEUES.map((q) => q.maxReceiveCount))).toEqual(new Set([3, 5]));
    messaging().resourceCountIs('AWS::SQS::Queue', QUEUES.length * 2);
  });

  it('encrypts every topic with the messaging key and denies non-TLS access', () => {
    const template = messaging();

    for (const topic of TOPICS) {
      template.hasResourceProperties('AWS::SNS::Topic', {
        TopicName: `${topic.name}-dev`,
        KmsMasterKeyId: messagingKey,
      });
    }
    template.resourceCountIs('AWS::SNS::Topic', TOPICS.length);
    template.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      QUEUES.length * 2,
    );
  });

  it('subscribes the ops mailbox with the filter policy of the topology', () => {
    messaging().hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alerts@arka.example',
      FilterPolicy: OPS_EMAIL_FILTER_POLICY,
      TopicArn: { Ref: Match.stringLikeRegexp('^Topicarkanotificaciones') },
    });
  });

  it('subscribes the ops mailbox to every critical alert, unfiltered', () => {
    const subscriptions = Object.values(messaging().findResources('AWS::SNS::Subscription')).map(
      (r) => r.Properties,
    );
    const critical = subscriptions.filter((p) =>
      JSON.stringify(p.TopicArn).includes('Topicarkacriticalalerts'),
    );

    expect(critical).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'alerts@arka.example' }),
    ]);
    expect(critical[0]).not.toHaveProperty('FilterPolicy');
  });

  it('feeds the processing queue with SNS envelopes (no raw delivery) and lets the topic send to it', () => {
    const template = messaging();

    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: false,
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queuearkanotificacionesprocessing'), 'Arn'] },
    });
    template.resourceCountIs('AWS::SNS::Subscription', 3);
  });

  it('lets SNS and CloudWatch use the key, so encrypted queues and alarm notifications work', () => {
    const statements = Object.values(messaging().findResources('AWS::KMS::Key'))[0]?.Properties.KeyPolicy
      .Statement;
    const principals = statements.map((s: { Principal: { Service?: string } }) => s.Principal.Service);

    expect(principals).toEqual(expect.arrayContaining(['sns.amazonaws.com', 'cloudwatch.amazonaws.com']));
  });

  it('publishes every queue URL/ARN and topic ARN in SSM under /arka/<env>/messaging', () => {
    const template = messaging();

    for (const queue of QUEUES) {
      for (const attr of ['arn', 'url', 'dlq-arn']) {
        template.hasResourceProperties('AWS::SSM::Parameter', {
          Name: `/arka/dev/messaging/queue/${queue.name}/${attr}`,
        });
      }
    }
    for (const topic of TOPICS) {
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: `/arka/dev/messaging/topic/${topic.name}/arn`,
      });
    }
  });
});
