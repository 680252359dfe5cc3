import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { runDlqCommand } from '../../src/dlq/dlq-command';
import { SqsDeadLetterAdmin } from '../../src/dlq/sqs-dead-letter-admin';

const BASE = 'https://sqs.us-east-1.amazonaws.com/123456789012';
const URLS = {
  'arka-solicitudes': `${BASE}/arka-solicitudes`,
  'arka-solicitudes-dlq': `${BASE}/arka-solicitudes-dlq`,
};

function dead(id: string, body: string): Message {
  return {
    MessageId: id,
    ReceiptHandle: `rh-${id}`,
    Body: body,
    Attributes: { ApproximateReceiveCount: '6', SentTimestamp: '1768478400000' },
    MessageAttributes: { priority: { DataType: 'String', StringValue: 'high' } },
  };
}

describe('SqsDeadLetterAdmin', () => {
  const sqs = mockClient(SQSClient);
  afterEach(() => sqs.reset());
  const admin = () => new SqsDeadLetterAdmin(new SQSClient({ region: 'us-east-1' }), URLS);

  it('lists the configured dead-letter queues with their approximate depth', async () => {
    sqs.on(GetQueueAttributesCommand).resolves({
      Attributes: { ApproximateNumberOfMessages: '4', ApproximateNumberOfMessagesNotVisible: '1' },
    });

    const queues = await admin().list();

    expect(queues).toEqual([
      { name: 'arka-solicitudes-dlq', sourceQueue: 'arka-solicitudes', depth: 4, inFlight: 1 },
    ]);
    expect(sqs.commandCalls(GetQueueAttributesCommand)[0]?.args[0].input).toEqual({
      QueueUrl: URLS['arka-solicitudes-dlq'],
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    });
  });

  it('redrives by receiving from the DLQ, sending body and attributes to the source, then deleting', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [dead('d1', 'one'), dead('d2', 'two')] })
      .resolves({ Messages: [] });
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0' }, { Id: '1' }] as never, Failed: [] });
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });

    const moved = await admin().redrive('arka-solicitudes-dlq', 100);

    expect(moved).toBe(2);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input).toMatchObject({
      QueueUrl: URLS['arka-solicitudes-dlq'],
      MaxNumberOfMessages: 10,
      MessageAttributeNames: ['All'],
    });
    expect(sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input).toEqual({
      QueueUrl: URLS['arka-solicitudes'],
      Entries: [
        {
          Id: '0',
          MessageBody: 'one',
          MessageAttributes: { priority: { DataType: 'String', StringValue: 'high' } },
        },
        {
          Id: '1',
          MessageBody: 'two',
          MessageAttributes: { priority: { DataType: 'String', StringValue: 'high' } },
        },
      ],
    });
    expect(sqs.commandCalls(DeleteMessageBatchCommand)[0]?.args[0].input).toEqual({
      QueueUrl: URLS['arka-solicitudes-dlq'],
      Entries: [
        { Id: '0', ReceiptHandle: 'rh-d1' },
        { Id: '1', ReceiptHandle: 'rh-d2' },
      ],
    });
  });

  it('deletes only what the source queue accepted, and reports the refusal', async () => {
    sqs.on(ReceiveMessageCommand).resolves({ Messages: [dead('d1', 'one'), dead('d2', 'two')] });
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '1' }] as never,
      Failed: [{ Id: '0', Code: 'KMS.AccessDenied', Message: 'denied', SenderFault: true }],
    });
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });

    await expect(admin().redrive('arka-solicitudes-dlq', 100)).rejects.toThrow(
      /moved 1, then SQS refused.*KMS/,
    );
    expect(sqs.commandCalls(DeleteMessageBatchCommand)[0]?.args[0].input.Entries).toEqual([
      { Id: '0', ReceiptHandle: 'rh-d2' },
    ]);
  });

  it('stops redriving at --max', async () => {
    sqs.on(ReceiveMessageCommand).resolves({ Messages: [dead('d1', 'one')] });
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0' }] as never });
    sqs.on(DeleteMessageBatchCommand).resolves({});

    expect(await admin().redrive('arka-solicitudes-dlq', 1)).toBe(1);
    expect(sqs.commandCalls(ReceiveMessageCommand)).toHaveLength(1);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input.MaxNumberOfMessages).toBe(1);
  });

  it('shows messages and makes them visible again at once', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [dead('d1', 'one')] })
      .resolves({ Messages: [] });
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({});

    const shown = await admin().show('arka-solicitudes-dlq', 10);

    expect(shown).toEqual([
      {
        messageId: 'd1',
        body: 'one',
        attributes: { priority: 'high' },
        receiveCount: 6,
        sentAt: new Date(1768478400000),
      },
    ]);
    expect(sqs.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input).toEqual({
      QueueUrl: URLS['arka-solicitudes-dlq'],
      Entries: [{ Id: '0', ReceiptHandle: 'rh-d1', VisibilityTimeout: 0 }],
    });
  });

  it('tells which queues exist when the command names another', async () => {
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: {} });
    const err: string[] = [];

    const code = await runDlqCommand(['redrive', 'arka-cotizaciones'], admin(), {
      out: () => {},
      err: (l) => err.push(l),
    });

    expect(code).toBe(2);
    expect(err).toEqual(['unknown dead-letter queue "arka-cotizaciones"; known: arka-solicitudes-dlq']);
    expect(sqs.commandCalls(ReceiveMessageCommand)).toHaveLength(0);
  });
});
