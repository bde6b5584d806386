import * as syncFrame from './sync-frame';

/**
 * The Sync status tab's part of the boot script, built on its own (vite.config.ts, `bootScript`)
 * and loaded by it only on that tab (boot.ts, `syncCode`): the code that orders the first lines
 * and draws them is half of the boot script, which every page loads before anything else.
 */
window.__waldurKcSyncFrame = syncFrame;

declare global {
  interface Window {
    __waldurKcSyncFrame?: typeof syncFrame;
  }
}
