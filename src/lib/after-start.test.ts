// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AFTER_START_MS, afterStart } from './after-start';

describe('afterStart', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once the page has had its time and the browser is idle, not before', () => {
    const callback = vi.fn();
    afterStart(callback);
    vi.advanceTimersByTime(AFTER_START_MS - 1);
    expect(callback).not.toHaveBeenCalled();
    // Then the idle callback (or its timer, where the browser has none).
    vi.advanceTimersByTime(2_000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs at the first key press or click, and only once', () => {
    const callback = vi.fn();
    afterStart(callback);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(callback).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(AFTER_START_MS + 2_000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('cancelled, it never runs', () => {
    const callback = vi.fn();
    const cancel = afterStart(callback);
    cancel();
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(AFTER_START_MS + 2_000);
    expect(callback).not.toHaveBeenCalled();
  });
});
