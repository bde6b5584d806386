import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { whenIdle } from '../lib/when-idle';

/**
 * Mantine's hosts of dialogs (ModalsProvider) and notifications, fetched when the browser is
 * idle after the first page has had its time (HOSTS_AFTER_MS), at the first click or key press,
 * or at once when a dialog is asked for: with the modal, the focus trap, the scroll lock and the
 * transitions they weigh about 18 KB gzip that no first row needs. (At the first idle moment
 * they still came before the row: the browser idles while the page waits for its data.)
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

const HOSTS_AFTER_MS = 1500;

const LoadedHosts = lazy(() => import('./overlay-hosts-loaded'));

/** Resolves once the dialog host listens; asks for it now if it is not loaded yet. */
export function whenModalsReady(): Promise<void> {
  request();
  return ready;
}

/** Where the hosts mount: beside the page (they need no children). `eager` loads them at once. */
export function OverlayHosts({ eager = false }: { eager?: boolean }) {
  const shown = useSyncExternalStore(subscribe, () => requested || eager);
  useEffect(() => {
    let cancelIdle = () => undefined as void;
    const timer = window.setTimeout(() => {
      cancelIdle = whenIdle(request);
    }, HOSTS_AFTER_MS);
    // The first click or key press may lead to a notification: the host is fetched then.
    const events = ['pointerdown', 'keydown'] as const;
    for (const type of events) window.addEventListener(type, request, { capture: true, once: true });
    return () => {
      window.clearTimeout(timer);
      cancelIdle();
      for (const type of events) window.removeEventListener(type, request, { capture: true });
    };
  }, []);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <LoadedHosts onReady={markReady} />
    </Suspense>
  );
}
