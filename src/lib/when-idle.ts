/**
 * Runs `callback` once the browser is idle (at the latest after `timeout` ms), and returns a
 * function that cancels it. For work that must not compete with what the user waits for: code
 * fetched ahead of its first use, say. Browsers without requestIdleCallback get a timer.
 */
export function whenIdle(callback: () => void, timeout = 2000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 200);
  return () => window.clearTimeout(handle);
}
