import { describe, expect, it } from 'vitest';
import { untilDone, withFakeClock } from '../test/fake-clock';
import { settleInOrder } from './settle-in-order';

withFakeClock();

describe('settleInOrder', () => {
  it('runs one item at a time, in order, and a failure fails that item only', async () => {
    let running = 0;
    const started: number[] = [];
    const reported: string[] = [];
    const outcomes = await untilDone(
      settleInOrder(
        [1, 2, 3],
        async (n) => {
          running += 1;
          expect(running).toBe(1);
          started.push(n);
          await new Promise((resolve) => setTimeout(resolve, 4 - n));
          running -= 1;
          if (n === 2) throw new Error('no');
          return n === 3 ? 'skipped' : 'ok';
        },
        { outcome: (n, settled) => ({ n, ...settled }), onOutcome: (o, index) => reported.push(`${index}:${o.n}:${o.status}`) },
      ),
    );
    expect(started).toEqual([1, 2, 3]);
    expect(reported).toEqual(['0:1:ok', '1:2:failed', '2:3:skipped']);
    expect(outcomes[1]).toEqual({ n: 2, status: 'failed', error: new Error('no') });
  });

  it('stops before the next item once cancelled', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const outcomes = await untilDone(
      settleInOrder(
        ['a', 'b', 'c'],
        async (item) => {
          started.push(item);
          if (item === 'a') controller.abort();
          return 'ok';
        },
        { outcome: (item, settled) => ({ item, ...settled }), signal: controller.signal },
      ),
    );
    expect(started).toEqual(['a']);
    expect(outcomes).toEqual([{ item: 'a', status: 'ok' }]);
  });
});
