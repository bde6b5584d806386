import { i18n } from '@lingui/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { beginOfferingRun } from '../../lib/offering-runs';
import type { OfferingMembership } from '../../api/types';
import { isRefusedByKeycloak } from '../../api/keycloak-refusal';
import { missingExplanation, needsLookup, remoteIdsOf } from '../../api/remote-presence';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { readEveryMembership, readRemoteMembers, type MemberFix } from './member-fixes';
import { addCheck, loadState, retryableGroups, saveState, startState, storageKey, unreadGroups, type CheckState } from './check-state';
import { readOfferingMemberships, type OfferingMemberships } from './offering-memberships';
import { RemoteGroupMissing, walkGroups, type CheckGroup, type GroupCheck, type GroupReader } from './walk';
import { DEFAULT_CONCURRENCY, QUEUED_AHEAD } from './walk-limits';

/**
 * How often the results on screen (and in localStorage) catch up with a running check: twice a
 * second. At four a second the renders kept the main thread from sending the next reads as
 * answers came (bench figure 10, 5 runs each on a quiet machine: 2145 ms, now 2079 ms).
 */
const FLUSH_MS = 500;

/**
 * Adds group results in batches: one render and one save per FLUSH_MS instead of one per group
 * (the benchmark's profile of 200 groups showed the main thread busy re-rendering and saving
 * after every group).
 */
function batchedAdd(setState: React.Dispatch<React.SetStateAction<CheckState | null>>) {
  let waiting: GroupCheck[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const checks = waiting;
    waiting = [];
    if (checks.length) setState((previous) => (previous ? checks.reduce(addCheck, previous) : previous));
  };
  return {
    add: (check: GroupCheck) => {
      waiting.push(check);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    flush,
  };
}

/** Which groups a start reads: every linked group, those not read yet, or those that failed. */
export type CheckMode = 'all' | 'rest' | 'failed';

/**
 * A members check's run: reads every linked group of the offering on both sides and keeps what
 * it found in localStorage (per user and offering), so it survives a reload and the sign-in
 * round trip. `recheck` reads again the groups some fixes touched.
 */
export function useMembersCheck(offeringUuid: string, userUuid: string) {
  const queryClient = useQueryClient();
  const key = storageKey(userUuid, offeringUuid);
  const [state, setState] = useState<CheckState | null>(() => loadState(window.localStorage, key));
  const [linkedTotal, setLinkedTotal] = useState<number | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    // What localStorage said to the write (full, or refused) is what the page reports.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is the answer of an external system
    if (state) setSaveFailed(!saveState(window.localStorage, key, state));
  }, [key, state]);

  // The offering's remote groups as read when the check started: a group missing from them
  // whose members Keycloak refuses is named as missing in Keycloak, not as a failed read.
  const remoteIds = useRef<ReadonlySet<string> | undefined>(undefined);
  /**
   * Each group's reads. `offering`: Waldur's side read for the whole offering at once (a walk of
   * many groups, see offering-memberships.ts), else each group's own memberships.
   */
  const readerOf = useCallback(
    (offering?: OfferingMemberships): GroupReader =>
      async (group, signal) => {
        const remote = readRemoteMembers(offeringUuid, group.backend_id, signal).catch((error: unknown) => {
          if (isRefusedByKeycloak(error) && needsLookup(group.backend_id, remoteIds.current)) {
            throw new RemoteGroupMissing(i18n._(missingExplanation(group.backend_id)));
          }
          throw error;
        });
        // Awaited below; not unhandled if the other read fails first.
        remote.catch(() => undefined);
        // Read for the whole offering, Waldur's side is no request of this group's: the group
        // does not wait for it in its place among those in flight (bench figure 13).
        const members: OfferingMembership[] | Promise<OfferingMembership[]> =
          offering && (await offering.byOffering)
            ? offering.all.then((byGroup) => byGroup?.get(group.uuid) ?? [])
            : await readEveryMembership(group.uuid, signal);
        return { members, remote: await remote };
      },
    [offeringUuid],
  );
  const read = useMemo(() => readerOf(), [readerOf]);

  const readRemoteIds = useCallback(async () => {
    remoteIds.current = remoteIdsOf(
      await queryClient.fetchQuery({ ...remoteGroupQueries.all(offeringUuid), staleTime: 0 }).catch(() => undefined),
    );
  }, [offeringUuid, queryClient]);

  const linkedGroups = useCallback(async (): Promise<CheckGroup[]> => {
    // Side by side: neither read needs the other, and the check waits for both (one round trip, not two).
    const [, every] = await Promise.all([
      readRemoteIds(),
      queryClient.fetchQuery({ ...groupQueries.everyGroup(offeringUuid), staleTime: 0 }),
    ]);
    const linked = every.items.filter((group) => Boolean(group.backend_id));
    setLinkedTotal(linked.length);
    return linked;
  }, [offeringUuid, queryClient, readRemoteIds]);

  const walk = useCallback(
    async (groups: CheckGroup[], fresh: boolean) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      const endRun = beginOfferingRun(offeringUuid);
      setState((previous) => (fresh || !previous ? startState(groups.length, Date.now()) : { ...previous, status: 'running' }));
      const batch = batchedAdd(setState);
      const offering = readOfferingMemberships(offeringUuid, groups.length, abort.signal);
      // Each group's read fails with it, if it fails: not unhandled meanwhile.
      offering.byOffering.catch(() => undefined);
      offering.all.catch(() => undefined);
      try {
        await walkGroups(groups, readerOf(offering), {
          concurrency: DEFAULT_CONCURRENCY + QUEUED_AHEAD,
          signal: abort.signal,
          errorText: errorMessage,
          onGroup: batch.add,
        });
      } finally {
        endRun();
      }
      batch.flush();
      setState((previous) => (previous ? { ...previous, status: abort.signal.aborted ? 'cancelled' : 'complete' } : previous));
      if (controller.current === abort) controller.current = null;
      setRunning(false);
    },
    [offeringUuid, readerOf],
  );

  const start = async (mode: CheckMode) => {
    setLoadError(null);
    try {
      if (mode === 'failed' && state) {
        await readRemoteIds();
        return await walk(retryableGroups(state), false);
      }
      const linked = await linkedGroups();
      if (mode === 'rest' && state) return await walk(unreadGroups(state, linked), false);
      await walk(linked, true);
    } catch (error) {
      setLoadError(error);
      setRunning(false);
    }
  };

  const cancel = () => controller.current?.abort();

  const recheck = useCallback(
    async (fixes: readonly MemberFix[]) => {
      const groups = new Map<string, CheckGroup>();
      for (const fix of fixes) {
        const check = state?.results[fix.group.uuid];
        if (check) groups.set(check.group.uuid, check.group);
      }
      const abort = new AbortController();
      await walkGroups([...groups.values()], read, {
        signal: abort.signal,
        errorText: errorMessage,
        onGroup: (check) => setState((previous) => (previous ? addCheck(previous, check) : previous)),
      });
    },
    [read, state],
  );

  return { state, running, linkedTotal, saveFailed, loadError, start, cancel, recheck };
}
