/**
 * A separate process using the broker file, for the durability tests.
 *   crash <path> <queue> <deleteCount>: receives a batch of 10, deletes the first
 *     <deleteCount>, reports what it did on stdout, then waits to be SIGKILLed.
 *   drain <path> <queue>: prints "ready", waits for "go" on stdin, then receives
 *     batches of 10 until the queue is empty and prints the ids it received.
 */
import { once } from 'node:events';
import { EmbeddedBroker } from '../../src/embedded/embedded-broker';

const [mode, path, queue, deleteCount] = process.argv.slice(2);
if (!path || !queue) throw new Error('usage: broker-child <crash|drain> <path> <queue> [deleteCount]');
const broker = EmbeddedBroker.open({ path });

if (mode === 'crash') {
  const batch = await broker.receive(queue, { maxMessages: 10, waitTimeSeconds: 0 });
  const toDelete = batch.slice(0, Number(deleteCount ?? 0));
  for (const m of toDelete) await broker.delete(queue, m.receiptHandle);
  process.stdout.write(
    `${JSON.stringify({ received: batch.map((m) => m.messageId), deleted: toDelete.map((m) => m.messageId) })}\n`,
  );
  // Stay alive with the batch in flight until the parent kills us.
  setInterval(() => {}, 60_000);
} else if (mode === 'drain') {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const received: string[] = [];
  for (;;) {
    const batch = await broker.receive(queue, { maxMessages: 10, waitTimeSeconds: 0 });
    if (batch.length === 0) break;
    received.push(...batch.map((m) => m.messageId));
    await new Promise((resolve) => setImmediate(resolve));
  }
  process.stdout.write(`${JSON.stringify({ received })}\n`);
  await broker.close();
  process.exit(0);
} else {
  throw new Error(`unknown mode ${mode}`);
}
