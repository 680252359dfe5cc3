import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QUEUE_NAMES } from '../../src/topology';
import { FakeClock, openBroker, tempBrokerDir } from '../helpers/broker';
import { spawnBrokerChild } from '../helpers/child-process';

const QUEUE = QUEUE_NAMES.cotizaciones; // visibility 300 s, DLQ after 3 receives
const NOW = { waitTimeSeconds: 0, maxMessages: 10 } as const;
const crashReport = z.object({ received: z.array(z.string()), deleted: z.array(z.string()) });
const drainReport = z.object({ received: z.array(z.string()) });

describe('embedded broker: durability across processes', () => {
  let dir: ReturnType<typeof tempBrokerDir>;

  beforeEach(() => {
    dir = tempBrokerDir();
  });

  afterEach(() => {
    dir.cleanup();
  });

  it('keeps messages, receive counts and visibility across a close and reopen', async () => {
    // Prepare
    const clock = new FakeClock();
    const before = openBroker({ path: dir.path(), clock });
    await before.sendBatch(QUEUE, [
      { body: 'a' },
      { body: 'b', attributes: { n: 1 } },
      { body: 'c', delaySeconds: 60 },
    ]);
    const [first] = await before.receive(QUEUE, { waitTimeSeconds: 0 });
    await before.close();

    // Act
    const after = openBroker({ path: dir.path(), clock });
    const stillHidden = await after.receive(QUEUE, NOW);
    clock.advanceSeconds(300);
    const all = await after.receive(QUEUE, NOW);

    // Assess
    expect(stillHidden.map((m) => m.body)).toEqual(['b']);
    const byBody = Object.fromEntries(all.map((m) => [m.body, m]));
    expect(Object.keys(byBody).sort()).toEqual(['a', 'b', 'c']);
    expect([byBody.a?.receiveCount, byBody.b?.receiveCount, byBody.c?.receiveCount]).toEqual([2, 2, 1]);
    expect(byBody.a?.messageId).toBe(first?.messageId);
    expect(byBody.b?.attributes).toEqual({ n: 1 });
    await after.close();
  });

  it('loses nothing and redelivers nothing deleted when a consumer is killed in the middle of a batch', async () => {
    // Prepare
    const seed = openBroker({ path: dir.path() });
    const sent = await seed.sendBatch(
      QUEUE,
      Array.from({ length: 10 }, (_, i) => ({ body: `m${i}` })),
    );
    await seed.sendBatch(QUEUE, [{ body: 'm10' }, { body: 'm11' }]);
    await seed.close();

    // Act: the child receives 10, deletes 4, and dies without warning
    const child = spawnBrokerChild(['crash', dir.path(), QUEUE, '4']);
    const report = crashReport.parse(JSON.parse(await child.nextLine()));
    child.process.kill('SIGKILL');
    await child.exited;
    const later = new FakeClock(Date.now() + 301_000);
    const reopened = openBroker({ path: dir.path(), clock: later });
    const redelivered = [...(await reopened.receive(QUEUE, NOW)), ...(await reopened.receive(QUEUE, NOW))];

    // Assess
    expect(report.received).toEqual(sent);
    const deleted = new Set(report.deleted);
    expect(deleted.size).toBe(4);
    expect(redelivered.filter((m) => deleted.has(m.messageId))).toEqual([]);
    expect(redelivered.map((m) => m.body).sort()).toEqual(['m10', 'm11', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    const counts = Object.fromEntries(redelivered.map((m) => [m.body, m.receiveCount]));
    expect(counts).toEqual({ m4: 2, m5: 2, m6: 2, m7: 2, m8: 2, m9: 2, m10: 1, m11: 1 });
    await reopened.close();
  });

  it('never hands one message to two processes receiving at the same time', async () => {
    // Prepare
    const seed = openBroker({ path: dir.path() });
    const sent: string[] = [];
    for (let i = 0; i < 60; i++) {
      sent.push(
        ...(await seed.sendBatch(
          QUEUE,
          Array.from({ length: 10 }, (_, j) => ({ body: `m${i}-${j}` })),
        )),
      );
    }
    const children = [
      spawnBrokerChild(['drain', dir.path(), QUEUE]),
      spawnBrokerChild(['drain', dir.path(), QUEUE]),
    ];
    await Promise.all(children.map((c) => c.nextLine()));

    // Act
    for (const c of children) c.process.stdin?.write('go\n');
    const reports = await Promise.all(
      children.map(async (c) => drainReport.parse(JSON.parse(await c.nextLine()))),
    );
    await Promise.all(children.map((c) => c.exited));

    // Assess
    const [a = [], b = []] = reports.map((r) => r.received);
    const inBoth = a.filter((id) => new Set(b).has(id));
    expect(inBoth).toEqual([]);
    expect([...a, ...b].sort()).toEqual([...sent].sort());
    expect(seed.stats(QUEUE)).toMatchObject({ visible: 0, inFlight: 600 });
    await seed.close();
  });
});
