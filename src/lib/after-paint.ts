/**
 * Runs `callback` in a task after the next frame is painted, and returns a function that
 * cancels it. An effect runs in the same task as the commit that triggered it, and a task that
 * goes on long after the commit (more effects, a sync re-render) delays the frame that shows
 * what was committed: code that must not come before that frame starts here.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: number | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(callback, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
