import { Suspense, lazy, useEffect, useState, useSyncExternalStore } from 'react';
import type { OfferingGroup } from '../../api/types';
import { whenIdle } from '../../lib/when-idle';
import { loadDelete } from './mutations';

// The form and its libraries (react-hook-form, zod) load after the first screen, not with it.
const loadLinkDialog = () => import('./link-dialog');
const LinkGroupDialog = lazy(() => loadLinkDialog().then((module) => ({ default: module.LinkGroupDialog })));

/**
 * The link dialog's own state: which group of which offering it is open for. Any group action
 * opens it (`openLinkDialog`); the host below, mounted once per page, draws it. Nothing passes
 * the state from the actions to the dialog.
 */
let target: { offeringUuid: string; group: OfferingGroup; remoteId?: string } | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** `remoteId`: the remote group chosen when the dialog opens (a same-named one); else the current link. */
export function openLinkDialog(offeringUuid: string, group: OfferingGroup, remoteId?: string): void {
  target = { offeringUuid, group, remoteId };
  emit();
}

function closeLinkDialog(): void {
  target = null;
  emit();
}

/**
 * Where the link dialog of an offering's groups is drawn. `preload`: when its code may be
 * fetched ahead of its first opening (managers, once the page has its rows, so that the fetch
 * does not compete with them); it is then mounted closed, so that it opens at once and keeps its
 * transitions. Opened before that, it mounts as soon as its code is there.
 */
export function LinkDialogHost({ offeringUuid, preload }: { offeringUuid: string; preload: boolean }) {
  const current = useSyncExternalStore(
    subscribe,
    () => target,
    () => target,
  );
  const group = current?.offeringUuid === offeringUuid ? current.group : null;
  const remoteId = current?.offeringUuid === offeringUuid ? current.remoteId : undefined;
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!preload) return;
    let mounted = true;
    // After the rows are painted and the browser is idle: its code (zod, react-hook-form, the
    // form fields) must not compete with the first rows' scripts (bench figure 3).
    const cancel = whenIdle(() => {
      void loadDelete();
      void loadLinkDialog().then(() => mounted && setLoaded(true));
    });
    return () => {
      mounted = false;
      cancel();
    };
  }, [preload]);
  // A dialog left open on another page does not reopen when this one mounts.
  useEffect(() => closeLinkDialog, []);
  if (!loaded && group === null) return null;
  return (
    <Suspense fallback={null}>
      <LinkGroupDialog offeringUuid={offeringUuid} group={group} remoteId={remoteId} onClose={closeLinkDialog} />
    </Suspense>
  );
}
