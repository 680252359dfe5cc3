/** Builds the event and context exactly as Lambda's SQS event source mapping does. */
import { createHash, randomUUID } from 'node:crypto';
import type { BrokerMessage } from '../embedded/types';
import type { LambdaContext, SqsMessageAttribute, SqsRecord } from './sqs-event';

function messageAttribute(value: string | number): SqsMessageAttribute {
  return {
    stringValue: String(value),
    stringListValues: [],
    binaryListValues: [],
    dataType: typeof value === 'number' ? 'Number' : 'String',
  };
}

export function sqsRecord(message: BrokerMessage, eventSourceARN: string, awsRegion: string): SqsRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt.getTime()),
      SenderId: message.senderId,
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt.getTime()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.attributes).map(([name, value]) => [name, messageAttribute(value)]),
    ),
    md5OfBody: createHash('md5').update(message.body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN,
    awsRegion,
  };
}

function legacyCallback(): never {
  throw new Error('context.done/fail/succeed are not supported locally: return a promise from the handler');
}

export function lambdaContext(functionName: string, awsRegion: string, timeoutMs: number): LambdaContext {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${awsRegion}:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: legacyCallback,
    fail: legacyCallback,
    succeed: legacyCallback,
  };
}
