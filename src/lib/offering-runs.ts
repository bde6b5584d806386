import { useCallback, useSyncExternalStore } from 'react';
import { hexUuid } from './format';

/**
 * The long runs of many requests going on per offering: an import, a members check. Reads that
 * can wait (the health line's sync status: one large answer the server takes long to build)
 * wait for them instead of taking connections and server time from them (bench figures 12, 13).
 */
const runs = new Map<string, number>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Marks a run of `offeringUuid` as going on until the returned function is called (once). */
export function beginOfferingRun(offeringUuid: string): () => void {
  const key = hexUuid(offeringUuid);
  runs.set(key, (runs.get(key) ?? 0) + 1);
  changed();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const left = (runs.get(key) ?? 1) - 1;
    if (left > 0) runs.set(key, left);
    else runs.delete(key);
    changed();
  };
}

export function isOfferingRunning(offeringUuid: string): boolean {
  return runs.has(hexUuid(offeringUuid));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether an import or a members check of the offering is going on; re-renders when that changes. */
export function useOfferingRunning(offeringUuid: string): boolean {
  const get = useCallback(() => isOfferingRunning(offeringUuid), [offeringUuid]);
  return useSyncExternalStore(subscribe, get, get);
}
