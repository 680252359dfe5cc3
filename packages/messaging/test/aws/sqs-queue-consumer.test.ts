import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqsQueueConsumer } from '../../src/aws/sqs-queue-consumer';
import type { BatchHandler, ReceivedMessage } from '../../src/ports';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/arka-solicitudes-dev';

function sqsMessage(id: string, body: string): Message {
  return {
    MessageId: id,
    ReceiptHandle: `rh-${id}`,
    Body: body,
    Attributes: { ApproximateReceiveCount: '2', SentTimestamp: '1768478400000' },
    MessageAttributes: {
      kind: { DataType: 'String', StringValue: 'dispatch' },
      proveedores: { DataType: 'Number', StringValue: '3' },
    },
  };
}

describe('SqsQueueConsumer', () => {
  const sqs = mockClient(SQSClient);
  let consumer: SqsQueueConsumer | undefined;

  afterEach(async () => {
    await consumer?.stop();
    sqs.reset();
  });

  function startWith(handler: BatchHandler, batchSize = 10): void {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [sqsMessage('m1', 'a'), sqsMessage('m2', 'b'), sqsMessage('m3', 'c')] })
      .resolves({ Messages: [] });
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    consumer = new SqsQueueConsumer(
      new SQSClient({ region: 'us-east-1' }),
      { 'arka-solicitudes': QUEUE_URL },
      { pollingWaitTimeMs: 20, stopTimeoutMs: 5000 },
    );
    consumer.start('arka-solicitudes', handler, { batchSize });
  }

  it('long-polls the queue URL for batches with every message attribute', async () => {
    startWith(async () => ({ failedMessageIds: [] }), 7);

    await vi.waitFor(() => expect(sqs.commandCalls(ReceiveMessageCommand).length).toBeGreaterThan(0));

    expect(sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input).toMatchObject({
      QueueUrl: QUEUE_URL,
      MaxNumberOfMessages: 7,
      WaitTimeSeconds: 20,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
    });
  });

  it('hands the handler port messages with typed attributes and receive counts', async () => {
    const batches: (readonly ReceivedMessage[])[] = [];
    startWith(async (batch) => {
      batches.push(batch);
      return { failedMessageIds: [] };
    });

    await vi.waitFor(() => expect(batches).toHaveLength(1));

    expect(batches[0]?.[0]).toEqual({
      messageId: 'm1',
      receiptHandle: 'rh-m1',
      body: 'a',
      attributes: { kind: 'dispatch', proveedores: 3 },
      receiveCount: 2,
      sentAt: new Date(1768478400000),
    });
  });

  it('deletes only the messages the handler did not report as failed', async () => {
    startWith(async () => ({ failedMessageIds: ['m2'] }));

    await vi.waitFor(() => expect(sqs.commandCalls(DeleteMessageBatchCommand)).toHaveLength(1));

    expect(sqs.commandCalls(DeleteMessageBatchCommand)[0]?.args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      Entries: [
        { Id: 'm1', ReceiptHandle: 'rh-m1' },
        { Id: 'm3', ReceiptHandle: 'rh-m3' },
      ],
    });
  });

  it('deletes nothing when the handler throws', async () => {
    let calls = 0;
    startWith(async () => {
      calls++;
      throw new Error('database down');
    });

    await vi.waitFor(() => expect(calls).toBe(1));
    await vi.waitFor(() => expect(sqs.commandCalls(ReceiveMessageCommand).length).toBeGreaterThan(2));

    expect(sqs.commandCalls(DeleteMessageBatchCommand)).toHaveLength(0);
  });

  it('fails if the batch size is larger than 10', () => {
    consumer = new SqsQueueConsumer(new SQSClient({ region: 'us-east-1' }), {
      'arka-solicitudes': QUEUE_URL,
    });

    expect(() =>
      consumer?.start('arka-solicitudes', async () => ({ failedMessageIds: [] }), { batchSize: 11 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });

  it('fails if the queue has no URL in the map', () => {
    consumer = new SqsQueueConsumer(new SQSClient({ region: 'us-east-1' }), {
      'arka-solicitudes': QUEUE_URL,
    });

    expect(() => consumer?.start('arka-cotizaciones', async () => ({ failedMessageIds: [] }))).toThrow(
      expect.objectContaining({ code: 'QUEUE_NOT_FOUND' }),
    );
  });
});
