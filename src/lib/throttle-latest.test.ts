import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from './throttle-latest';

describe('throttleLatest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls at once, then once an interval with the latest value', () => {
    const seen: number[] = [];
    const { call } = throttleLatest((value: number) => seen.push(value), 100);
    call(1);
    call(2);
    call(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    call(4);
    expect(seen).toEqual([1, 3, 4]);
  });

  it('drops a pending call when cancelled', () => {
    const seen: number[] = [];
    const { call, cancel } = throttleLatest((value: number) => seen.push(value), 100);
    call(1);
    call(2);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1]);
  });
});
