/**
 * The JSON envelope SNS puts around a message it delivers to an SQS queue without
 * raw delivery, and the local ARN forms the embedded broker uses for its resources.
 */
import type { MessageAttributes } from './ports';

export const LOCAL_REGION = 'local';
export const LOCAL_ACCOUNT = '000000000000';

export function localTopicArn(topic: string): string {
  return `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${topic}`;
}

export function localQueueArn(queue: string): string {
  return `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${queue}`;
}

export interface SnsEnvelope {
  readonly Type: 'Notification';
  readonly MessageId: string;
  readonly TopicArn: string;
  readonly Subject?: string;
  readonly Message: string;
  readonly Timestamp: string;
  readonly SignatureVersion: '1';
  readonly Signature: string;
  readonly SigningCertURL: string;
  readonly UnsubscribeURL: string;
  readonly MessageAttributes?: Readonly<Record<string, { Type: 'String' | 'Number'; Value: string }>>;
}

export interface EnvelopeInput {
  readonly messageId: string;
  readonly topicArn: string;
  readonly subscriptionArn: string;
  readonly subject?: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
  readonly publishedAt: Date;
}

/** Builds the envelope with SNS's field order; SNS omits MessageAttributes when there are none. */
export function snsEnvelope(input: EnvelopeInput): SnsEnvelope {
  const entries = Object.entries(input.attributes);
  return {
    Type: 'Notification',
    MessageId: input.messageId,
    TopicArn: input.topicArn,
    ...(input.subject === undefined ? {} : { Subject: input.subject }),
    Message: input.body,
    Timestamp: input.publishedAt.toISOString(),
    SignatureVersion: '1',
    // Nothing signs locally; the field is present because consumers expect the shape.
    Signature: 'EMBEDDED',
    SigningCertURL: 'http://localhost/embedded-broker/SimpleNotificationService.pem',
    UnsubscribeURL: `http://localhost/embedded-broker/?Action=Unsubscribe&SubscriptionArn=${input.subscriptionArn}`,
    ...(entries.length === 0
      ? {}
      : {
          MessageAttributes: Object.fromEntries(
            entries.map(([name, value]) => [
              name,
              typeof value === 'number'
                ? { Type: 'Number' as const, Value: String(value) }
                : { Type: 'String' as const, Value: value },
            ]),
          ),
        }),
  };
}
