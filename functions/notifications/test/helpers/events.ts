import type { NotificationMessage } from '@arka/messaging';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

let sequence = 0;

/** A valid notification; override any field. */
export function notification(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  sequence += 1;
  return {
    id: `ntf-${process.pid}-${Date.now()}-${sequence}`,
    type: 'email',
    recipient: 'compras@arka.test',
    subject: 'Nueva solicitud',
    message: 'Tiene una nueva solicitud de cotización.',
    priority: 'normal',
    service: 'gestor-solicitudes',
    occurredAt: '2026-12-03T10:00:00.000Z',
    ...overrides,
  };
}

/** The SNS JSON envelope a subscribed queue receives without raw delivery. */
export function snsEnvelope(message: unknown): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: `sns-${sequence}`,
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:arka-notificaciones',
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: '2026-12-03T10:00:00.000Z',
  });
}

export function sqsRecord(body: string, receiveCount = 1): SQSRecord {
  sequence += 1;
  const messageId = `sqs-${sequence}`;
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1764756000000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1764756000000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:arka-notificaciones-processing',
    awsRegion: 'us-east-1',
  };
}

export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'arka-notifications-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:arka-notifications-test',
    memoryLimitInMB: '256',
    awsRequestId: `req-${sequence}`,
    logGroupName: '/aws/lambda/arka-notifications-test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function failedIds(response: { batchItemFailures: { itemIdentifier: string }[] }): string[] {
  return response.batchItemFailures.map((f) => f.itemIdentifier).sort();
}
