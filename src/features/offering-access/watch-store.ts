import { useSyncExternalStore } from 'react';
import { hexUuid } from '../../lib/format';

/**
 * Resources whose grants are read again every few seconds because a report from the site agent
 * is awaited: after a grant (until the agent reports on it) or a re-sync (until a newer report
 * comes). Shared by the Access and Sync tabs; a watch ends by itself after WATCH_FOR_MS.
 */
export const WATCH_FOR_MS = 3 * 60_000;

export type Watch = {
  resourceUuid: string;
  /** When the write was made (ms): a report at or after it answers the watch. */
  since: number;
  /** The grant awaited (its key), or null for the whole resource (a re-sync). */
  grantKey: string | null;
  reason: 'grant' | 'resync';
};

let watches: readonly Watch[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function startWatch(watch: Omit<Watch, 'since'> & { since?: number }): void {
  const next: Watch = { ...watch, resourceUuid: hexUuid(watch.resourceUuid), since: watch.since ?? Date.now() };
  watches = [...watches.filter((item) => !(item.resourceUuid === next.resourceUuid && item.grantKey === next.grantKey)), next];
  emit();
}

export function endWatch(match: (watch: Watch) => boolean): void {
  const next = watches.filter((watch) => !match(watch));
  if (next.length === watches.length) return;
  watches = next;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWatches(): readonly Watch[] {
  return useSyncExternalStore(
    subscribe,
    () => watches,
    () => watches,
  );
}

/** Expired watches end (a report that never comes must not poll forever). */
export function expireWatches(now = Date.now()): void {
  endWatch((watch) => now - watch.since > WATCH_FOR_MS);
}
