import { describe, expect, it } from 'vitest';
import { mapLimit } from './map-limit';

/** A task per item that resolves when told to, recording how many run at once. */
function tasks() {
  const pending = new Map<number, () => void>();
  let running = 0;
  let most = 0;
  const run = (item: number) =>
    new Promise<number>((resolve) => {
      running += 1;
      most = Math.max(most, running);
      pending.set(item, () => {
        running -= 1;
        resolve(item * 10);
      });
    });
  const finish = async (item: number) => {
    await Promise.resolve();
    pending.get(item)?.();
    pending.delete(item);
    await Promise.resolve();
  };
  return { run, finish, pending, most: () => most };
}

describe('mapLimit', () => {
  it('runs at most `limit` at a time and returns the results in item order, whatever order they end in', async () => {
    const t = tasks();
    const done = mapLimit([1, 2, 3, 4, 5], 2, t.run);
    await Promise.resolve();
    expect([...t.pending.keys()]).toEqual([1, 2]);
    await t.finish(2);
    expect([...t.pending.keys()]).toEqual([1, 3]);
    for (const item of [3, 1, 5, 4]) await t.finish(item);
    expect(await done).toEqual([10, 20, 30, 40, 50]);
    expect(t.most()).toBe(2);
  });

  it('starts nothing more once stop() says so, and leaves out what never started', async () => {
    let stopped = false;
    const seen: number[] = [];
    const results = await mapLimit(
      [1, 2, 3, 4],
      1,
      async (item) => {
        seen.push(item);
        if (item === 2) stopped = true;
        return item;
      },
      { stop: () => stopped },
    );
    expect(seen).toEqual([1, 2]);
    expect(results).toEqual([1, 2]);
  });

  it('handles no items', async () => {
    expect(await mapLimit([], 3, async () => 1)).toEqual([]);
  });
});
