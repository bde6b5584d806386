import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

describe('createLimiter', () => {
  it('runs at most `concurrency` at once, in the order asked, and passes results and errors through', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const task = (id: number) =>
      limit(async () => {
        started.push(id);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        if (id === 3) throw new Error('three failed');
        return id;
      });
    const all = Promise.allSettled([task(1), task(2), task(3), task(4)]);
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    while (started.length < 4 || releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const results = await all;
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 2, 'three failed', 4]);
  });
});
