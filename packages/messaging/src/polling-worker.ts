/**
 * The loop behind every consumer: receive a batch, process it, repeat until
 * stopped; an error is logged and retried after a pause, never fatal. `stop()`
 * ends the current receive early and waits for the batch being processed.
 */
import { abortableSleep } from './abortable-sleep';

export interface PollingWorkerOptions<T> {
  receive(signal: AbortSignal): Promise<readonly T[]>;
  process(batch: readonly T[]): Promise<void>;
  onError(error: unknown): void;
  /** @default 1000 - pause after a failed receive or process */
  readonly errorPauseMs?: number;
}

export class PollingWorker<T> {
  private readonly controller = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly options: PollingWorkerOptions<T>) {}

  start(): void {
    if (this.running || this.controller.signal.aborted) return;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted) {
      try {
        const batch = await this.options.receive(signal);
        // A batch already received is processed even when stop came meanwhile:
        // its messages are invisible and would otherwise wait a whole visibility timeout.
        if (batch.length > 0) await this.options.process(batch);
      } catch (error) {
        this.options.onError(error);
        await abortableSleep(this.options.errorPauseMs ?? 1000, signal);
      }
    }
  }
}
