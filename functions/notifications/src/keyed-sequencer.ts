/**
 * Runs tasks one after the other per key and concurrently across keys. The handler
 * processes a batch in parallel, but two deliveries of the same notification id run
 * in turn, so the second sees the first one's audit record and does not send again.
 */
export class KeyedSequencer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // The next task waits for the previous one to settle, whatever its outcome.
    const current = previous.then(task, task);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return current;
  }

  /** Keys with a task queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
