import { describe, expect, it } from 'vitest';
import { KeyedSequencer } from '../src/keyed-sequencer';

/** A promise the test settles by hand. */
function gate() {
  let open: () => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('KeyedSequencer', () => {
  it('runs tasks of one key in turn', async () => {
    const sequencer = new KeyedSequencer();
    const first = gate();
    const log: string[] = [];

    const a = sequencer.run('id-1', async () => {
      log.push('a starts');
      await first.promise;
      log.push('a ends');
    });
    const b = sequencer.run('id-1', async () => {
      log.push('b runs');
    });
    await Promise.resolve();
    expect(log).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);

    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('runs tasks of different keys concurrently', async () => {
    const sequencer = new KeyedSequencer();
    const first = gate();
    const log: string[] = [];

    const a = sequencer.run('id-1', async () => {
      await first.promise;
      log.push('a');
    });
    await sequencer.run('id-2', async () => {
      log.push('b');
    });
    first.open();
    await a;

    expect(log).toEqual(['b', 'a']);
  });

  it('runs the next task of a key after the previous one failed, and passes each outcome through', async () => {
    const sequencer = new KeyedSequencer();

    const failed = sequencer.run('id-1', async () => {
      throw new Error('throttled');
    });
    const next = sequencer.run('id-1', async () => 'sent');

    await expect(failed).rejects.toThrow('throttled');
    await expect(next).resolves.toBe('sent');
  });

  it('forgets a key once its tasks settled', async () => {
    const sequencer = new KeyedSequencer();

    await sequencer.run('id-1', async () => undefined);
    await Promise.resolve();

    expect(sequencer.size).toBe(0);
  });
});
