import { whenIdle } from './when-idle';

/** How long the first page has before code it does not need for its first screen is fetched. */
export const AFTER_START_MS = 1500;

/**
 * Runs `callback` once: when the browser is idle after the first page has had AFTER_START_MS,
 * or at the first click or key press, whichever comes first. For code that the first screen
 * does not need but the first interaction may (dialogs, menus, tooltips): fetched at the first
 * idle moment instead, it still came before the first row, as the browser idles while the page
 * waits for its data. Returns a function that cancels it.
 */
export function afterStart(callback: () => void): () => void {
  let done = false;
  let cancelIdle: () => void = () => undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const timer = window.setTimeout(() => {
    cancelIdle = whenIdle(run);
  }, AFTER_START_MS);
  const events = ['pointerdown', 'keydown'] as const;
  for (const type of events) window.addEventListener(type, run, { capture: true });
  function cancel() {
    window.clearTimeout(timer);
    cancelIdle();
    for (const type of events) window.removeEventListener(type, run, { capture: true });
  }
  return () => {
    done = true;
    cancel();
  };
}
