import type { QueryClient } from '@tanstack/react-query';
import { plural, t } from '@lingui/core/macro';
import { notifications } from '@mantine/notifications';
import { invalidateOffering } from '../../api/offering-keys';
import { groupQueries } from '../../api/group-queries';
import type { OfferingGroup } from '../../api/types';
import { hexUuid } from '../../lib/format';
import { beginOfferingRun } from '../../lib/offering-runs';
import { apiImportClient, runImport, type LocalGroupRef } from './run-import';
import { countResults, EMPTY_CHOICE, pendingIds, type GroupResult } from './wizard-state';
import { wizardStore } from './wizard-store';

/**
 * Starts and stops runs for the wizard. A run belongs to the page, not to a component: it goes
 * on writing results into the wizard's store if the wizard unmounts (e.g. the session expires
 * and the user is sent to sign in), and it stops by itself on a 401.
 */
const active = new Map<string, AbortController>();

/** How long results wait to be shown together. */
const RESULT_BATCH_MS = 100;

/**
 * The wizards on screen, by offering. A run that ends while its wizard is shown says its result
 * there (the summary, the alerts and the table), not in a notification: at the bottom right, one
 * covered the wizard's own buttons ("Retry failed"). Away from the wizard it is a notification.
 */
const onScreen = new Map<string, number>();

/** The wizard of `offeringUuid` is shown until the returned function is called. */
export function showingWizard(offeringUuid: string): () => void {
  const key = hexUuid(offeringUuid);
  onScreen.set(key, (onScreen.get(key) ?? 0) + 1);
  return () => {
    const left = (onScreen.get(key) ?? 1) - 1;
    if (left > 0) onScreen.set(key, left);
    else onScreen.delete(key);
  };
}

export function isRunActive(offeringUuid: string): boolean {
  return active.has(hexUuid(offeringUuid));
}

/** Stops sending: groups in flight finish, the rest become "Not started". */
export function stopRun(offeringUuid: string): void {
  active.get(hexUuid(offeringUuid))?.abort();
}

/** The local groups linked to remote groups (of `only`, when given: a map of 20,000 took 10 ms of the click). */
function linkedIn(groups: readonly OfferingGroup[], only?: ReadonlySet<string>): Map<string, LocalGroupRef> {
  const linked = new Map<string, LocalGroupRef>();
  for (const group of groups) {
    if (group.backend_id && group.uuid && (!only || only.has(group.backend_id)))
      linked.set(group.backend_id, { uuid: group.uuid, name: group.name ?? '' });
  }
  return linked;
}

async function linkedGroups(queryClient: QueryClient, offeringUuid: string): Promise<Map<string, LocalGroupRef>> {
  // Always fresh: someone may have linked a group since the review.
  return linkedIn((await queryClient.fetchQuery({ ...groupQueries.everyGroup(offeringUuid), staleTime: 0 })).items);
}

export async function startRun(offeringUuid: string, which: 'all' | 'failed' | 'remaining', queryClient: QueryClient): Promise<void> {
  const key = hexUuid(offeringUuid);
  if (active.has(key)) return;
  const store = wizardStore(offeringUuid);
  const state = store.get();
  const ids = pendingIds(state, which);
  if (ids.length === 0) return;
  const controller = new AbortController();
  active.set(key, controller);
  const endRun = beginOfferingRun(offeringUuid);
  store.update((current) => ({ ...current, step: 3, visited: 3, notice: null, run: { phase: 'running', startedAt: Date.now() } }), {
    saveNow: true,
  });

  // Results reach the store (and the screen) in batches, not once per answer: rendering the
  // wizard after each answer held back the next request.
  let pending: Record<string, GroupResult> = {};
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = pending;
    pending = {};
    if (Object.keys(batch).length > 0) store.update((current) => ({ ...current, results: { ...current.results, ...batch } }));
  };
  const setResult = (id: string, result: GroupResult) => {
    pending[id] = result;
    flushTimer ??= setTimeout(flush, RESULT_BATCH_MS);
  };

  try {
    // The first requests are sent before this returns, ahead of any render.
    const running = runImport({
      offeringUuid,
      pullMembers: state.pullMembers,
      // The groups linked at the review are skipped unsent. Waldur refuses any other linked one,
      // and only then is the list read again, to name its local group.
      linked: linkedIn(queryClient.getQueryData(groupQueries.everyGroup(offeringUuid).queryKey)?.items ?? [], new Set(ids)),
      readLinked: () => linkedGroups(queryClient, offeringUuid),
      signal: controller.signal,
      client: {
        ...apiImportClient,
        findLinkedGroup: async (remoteGroupId) => (await linkedGroups(queryClient, offeringUuid)).get(remoteGroupId) ?? null,
      },
      jobs: ids.map((id) => ({ remoteGroupId: id, choice: state.choices[id] ?? EMPTY_CHOICE, previous: state.results[id] })),
      onUpdate: setResult,
    });
    // The run as it starts, every group waiting or being sent, is drawn with the step (not "0 of 0").
    flush();
    const outcome = await running;
    flush();
    store.update((current) => ({ ...current, run: { phase: 'finished', stopped: outcome.stopped, finishedAt: Date.now() } }), {
      saveNow: true,
    });
    if (outcome.stopped !== 'session-expired' && !onScreen.has(key)) {
      const counts = countResults(store.get());
      const failed = counts.failed + counts.pullFailed;
      notifications.show({
        // Named close button and AA-contrast text (the defaults have neither).
        closeButtonProps: { 'aria-label': t`Dismiss` },
        styles: { description: { color: 'var(--mantine-color-text)' } },
        color: failed > 0 || outcome.stopped ? 'yellow' : 'green',
        title: outcome.stopped ? t`Import stopped` : t`Import finished`,
        message:
          [
            plural(counts.imported, { one: '# group imported', other: '# groups imported' }),
            counts.skipped ? plural(counts.skipped, { one: '# skipped', other: '# skipped' }) : '',
            failed ? plural(failed, { one: '# failed', other: '# failed' }) : '',
            counts.notStarted ? plural(counts.notStarted, { one: '# not started', other: '# not started' }) : '',
          ]
            .filter(Boolean)
            .join(', ') + '.',
      });
    }
  } finally {
    flush();
    active.delete(key);
    endRun();
    if (store.get().run.phase === 'running') {
      store.update((current) => ({ ...current, run: { phase: 'finished', stopped: null, finishedAt: Date.now() } }), { saveNow: true });
    }
    void invalidateOffering(queryClient, offeringUuid, 'imported');
  }
}
