import { useSyncExternalStore } from 'react';

/**
 * How far the read of an offering's grants is, outside React Query's cache: only the progress
 * line re-renders while 200 resources answer one by one, not the page (a render of the page per
 * answer cost seconds). Updates are sent at most every PROGRESS_EVERY_MS.
 */
export type AccessProgress = { read: number; total: number };

const PROGRESS_EVERY_MS = 150;
const progress = new Map<string, AccessProgress>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function startProgress(offeringUuid: string, total: number) {
  let read = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const publish = () => {
    timer = null;
    progress.set(offeringUuid, { read, total });
    emit();
  };
  publish();
  return {
    step: () => {
      read += 1;
      timer ??= setTimeout(publish, PROGRESS_EVERY_MS);
    },
    end: () => {
      if (timer) clearTimeout(timer);
      progress.delete(offeringUuid);
      emit();
    },
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The read under way for an offering, or null when none is. */
export function useAccessProgress(offeringUuid: string): AccessProgress | null {
  return useSyncExternalStore(
    subscribe,
    () => progress.get(offeringUuid) ?? null,
    () => null,
  );
}
