import { afterEach, beforeEach, vi } from 'vitest';

/**
 * For tests whose fakes answer after a few milliseconds (later pages sooner, to check order):
 * a fake clock for every test of the file, run instead of waited for.
 */
export function withFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/**
 * Runs the fake clock until `work` and every timer it started are done. `work` is marked handled
 * at once, so that a rejection waits for its `expect(...).rejects`.
 */
export async function untilDone<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  await vi.runAllTimersAsync();
  return work;
}
