import { useEffect } from 'react';
import { deferred } from './deferred/deferred';

/**
 * Mantine's hosts of dialogs (ModalsProvider) and notifications, fetched after start (see
 * deferred and lib/after-start) or at once when a dialog is asked for: with the modal, the focus
 * trap, the scroll lock and the transitions they weigh about 18 KB gzip that no first row needs.
 *
 * Notifications shown before the host is there are kept by Mantine's store and appear when it
 * mounts. A dialog is different (Mantine's `modals.*` are events that only a mounted provider
 * hears), so dialogs open through `whenModalsReady` (see components/confirm).
 */
const hosts = deferred(() => import('./overlay-hosts-loaded'));

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

/** Resolves once the dialog host listens; asks for it now if it is not loaded yet. */
export function whenModalsReady(): Promise<void> {
  void hosts.load();
  return ready;
}

/** Where the hosts mount: beside the page (they need no children). `eager` loads them at once. */
export function OverlayHosts({ eager = false }: { eager?: boolean }) {
  const loaded = hosts.useLoaded();
  useEffect(() => {
    if (eager) void hosts.load();
  }, [eager]);
  return loaded ? <loaded.default onReady={markReady} /> : null;
}
