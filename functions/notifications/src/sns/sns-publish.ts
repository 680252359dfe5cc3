import { PublishCommand, type PublishCommandInput, type SNSClient } from '@aws-sdk/client-sns';

/** One SNS Publish; the message id is what the audit record keeps. */
export async function publish(client: SNSClient, input: PublishCommandInput): Promise<{ messageId: string }> {
  const result = await client.send(new PublishCommand(input));
  if (result.MessageId === undefined) throw new Error('SNS accepted the message but returned no MessageId');
  return { messageId: result.MessageId };
}
