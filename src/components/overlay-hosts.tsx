import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { afterStart } from '../lib/after-start';

/**
 * Mantine's hosts of dialogs (ModalsProvider) and notifications, fetched after start (see
 * lib/after-start) or at once when a dialog is asked for: with the modal, the focus trap, the
 * scroll lock and the transitions they weigh about 18 KB gzip that no first row needs.
 *
 * Notifications shown before the host is there are kept by Mantine's store and appear when it
 * mounts. A dialog is different (Mantine's `modals.*` are events that only a mounted provider
 * hears), so dialogs open through `whenModalsReady` (see components/confirm).
 */
let requested = false;
const listeners = new Set<() => void>();
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

function request() {
  if (requested) return;
  requested = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const LoadedHosts = lazy(() => import('./overlay-hosts-loaded'));

/** Resolves once the dialog host listens; asks for it now if it is not loaded yet. */
export function whenModalsReady(): Promise<void> {
  request();
  return ready;
}

/** Where the hosts mount: beside the page (they need no children). `eager` loads them at once. */
export function OverlayHosts({ eager = false }: { eager?: boolean }) {
  const shown = useSyncExternalStore(subscribe, () => requested || eager);
  useEffect(() => afterStart(request), []);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <LoadedHosts onReady={markReady} />
    </Suspense>
  );
}
