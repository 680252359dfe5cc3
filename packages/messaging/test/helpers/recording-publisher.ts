import type { OutgoingMessage, QueueSender, TopicPublisher } from '../../src/ports';

export interface Delivery {
  readonly kind: 'topic' | 'queue';
  readonly name: string;
  readonly body: string;
  readonly attributes: OutgoingMessage['attributes'];
}

/**
 * A publisher and sender that record what they deliver, and fail the first
 * `failures` calls as an unreachable broker would.
 */
export class FlakyBroker implements TopicPublisher, QueueSender {
  readonly delivered: Delivery[] = [];
  attempts = 0;
  /** When set, each call waits for it: lets a test hold a publish in flight. */
  gate: Promise<void> | undefined;

  constructor(private failures = 0) {}

  publish(topic: string, message: OutgoingMessage): Promise<{ messageId: string }> {
    return this.record('topic', topic, message);
  }

  send(queue: string, message: OutgoingMessage): Promise<{ messageId: string }> {
    return this.record('queue', queue, message);
  }

  private async record(
    kind: 'topic' | 'queue',
    name: string,
    message: OutgoingMessage,
  ): Promise<{ messageId: string }> {
    this.attempts++;
    await this.gate;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connect ECONNREFUSED 127.0.0.1:9324');
    }
    this.delivered.push({ kind, name, body: message.body, attributes: message.attributes });
    return { messageId: `m-${this.delivered.length}` };
  }
}
