import { PartialBatchError } from '../../src/errors';
import type { OutgoingMessage, QueueSender, TopicPublisher } from '../../src/ports';

export interface Delivery {
  readonly kind: 'topic' | 'queue';
  readonly name: string;
  readonly body: string;
  readonly attributes: OutgoingMessage['attributes'];
}

/** One call to the broker: a single publish or send, or a batch. */
export interface BrokerCall {
  readonly kind: 'topic' | 'queue';
  readonly name: string;
  readonly bodies: readonly string[];
}

/**
 * A publisher and sender that record what they deliver, and fail the first
 * `failures` calls as an unreachable broker would.
 */
export class FlakyBroker implements TopicPublisher, QueueSender {
  readonly delivered: Delivery[] = [];
  readonly calls: BrokerCall[] = [];
  attempts = 0;
  /** When set, each call waits for it: lets a test hold a publish in flight. */
  gate: Promise<void> | undefined;
  /** When set, the next batch delivers only its first `acceptOnly` messages and fails the others. */
  acceptOnly: number | undefined;

  constructor(private failures = 0) {}

  async publish(topic: string, message: OutgoingMessage): Promise<{ messageId: string }> {
    const [messageId = ''] = await this.record('topic', topic, [message]);
    return { messageId };
  }

  async send(queue: string, message: OutgoingMessage): Promise<{ messageId: string }> {
    const [messageId = ''] = await this.record('queue', queue, [message]);
    return { messageId };
  }

  publishBatch(topic: string, messages: readonly OutgoingMessage[]): Promise<string[]> {
    return this.record('topic', topic, messages);
  }

  sendBatch(queue: string, messages: readonly OutgoingMessage[]): Promise<string[]> {
    return this.record('queue', queue, messages);
  }

  private async record(
    kind: 'topic' | 'queue',
    name: string,
    messages: readonly OutgoingMessage[],
  ): Promise<string[]> {
    this.attempts++;
    this.calls.push({ kind, name, bodies: messages.map((m) => m.body) });
    await this.gate;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connect ECONNREFUSED 127.0.0.1:9324');
    }
    const accepted = Math.min(this.acceptOnly ?? messages.length, messages.length);
    this.acceptOnly = undefined;
    const ids = messages.slice(0, accepted).map((message) => {
      this.delivered.push({ kind, name, body: message.body, attributes: message.attributes });
      return `m-${this.delivered.length}`;
    });
    if (accepted < messages.length) {
      const failure = { index: accepted, code: 'InternalError', message: 'try again', senderFault: false };
      throw new PartialBatchError(accepted, ids, [failure], `accepted ${accepted} of ${messages.length}`);
    }
    return ids;
  }
}
