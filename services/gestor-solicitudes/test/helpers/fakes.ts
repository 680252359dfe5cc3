import type { OutgoingMessage, ReceivedMessage, TopicPublisher } from '@arka/messaging';

/** A TopicPublisher that records what it is given, or fails while `failing` is set. */
export class RecordingPublisher implements Pick<TopicPublisher, 'publish'> {
  readonly published: { topic: string; message: OutgoingMessage }[] = [];
  failing = false;

  async publish(topic: string, message: OutgoingMessage): Promise<{ messageId: string }> {
    if (this.failing) throw new Error('broker unavailable');
    this.published.push({ topic, message });
    return { messageId: `m-${this.published.length}` };
  }

  bodies(): Record<string, unknown>[] {
    return this.published.map((p) => JSON.parse(p.message.body) as Record<string, unknown>);
  }
}

let counter = 0;

/** A queue message as a consumer would hand it over. */
export function received(body: string, receiveCount = 1): ReceivedMessage {
  counter += 1;
  return {
    messageId: `msg-${counter}`,
    receiptHandle: `rh-${counter}`,
    body,
    attributes: {},
    receiveCount,
    sentAt: new Date('2026-03-01T12:00:00Z'),
  };
}
