import type { EmbeddedBroker } from '../embedded/embedded-broker';
import type { DeadLetter, DeadLetterAdmin, DeadLetterQueueInfo } from './dead-letter-admin';

/** The DLQ tool on the embedded broker file: peeks without receiving, redrives in one transaction. */
export class EmbeddedDeadLetterAdmin implements DeadLetterAdmin {
  constructor(private readonly broker: EmbeddedBroker) {}

  async list(): Promise<readonly DeadLetterQueueInfo[]> {
    return this.broker.listQueues().flatMap((q) => {
      if (q.sourceQueue === undefined) return [];
      const stats = this.broker.stats(q.name);
      return [{ name: q.name, sourceQueue: q.sourceQueue, depth: stats.visible, inFlight: stats.inFlight }];
    });
  }

  async show(deadLetterQueue: string, max: number): Promise<readonly DeadLetter[]> {
    return this.broker.peek(deadLetterQueue, max);
  }

  async redrive(deadLetterQueue: string, max: number): Promise<number> {
    return this.broker.redrive(deadLetterQueue, max);
  }

  close(): Promise<void> {
    return this.broker.close();
  }
}
