import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { api, unwrap } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import type { ImportRemoteBody, PullAnswer } from '../../api/types';
import type { Choice, GroupResult, StopReason } from './wizard-state';
import { mapLimit } from '../../lib/map-limit';

/**
 * The import itself, free of React: `import_remote` for each chosen group, a few at a time,
 * then `pull_members` for each imported group when asked. Unit-tested against the in-process
 * simulator and used by the benchmark.
 *
 * Duplicate safety: a group whose earlier result is "imported" is never sent again; groups
 * known to be linked already (`linked`) are skipped without a request; and Waldur's own 400
 * "A local group already exists for this remote Keycloak group." counts as "Skipped" (named
 * after the local group that `readLinked` finds).
 * A 401 (expired session) or 403 stops the run: nothing new is sent, what is in flight
 * finishes, and everything left is "Not started", so the run can resume later.
 */

/** Requests in flight at once. Small: Waldur asks Keycloak for every one of them. */
export const IMPORT_CONCURRENCY = 4;

export const ALREADY_LINKED_MESSAGE = 'A local group already exists for this remote Keycloak group.';

export type LocalGroupRef = { uuid: string; name: string };

/** The calls the runner makes; `apiImportClient` sends them to Waldur. */
export type ImportClient = {
  importRemote(body: ImportRemoteBody): Promise<LocalGroupRef>;
  pullMembers(groupUuid: string): Promise<PullAnswer>;
  /**
   * The local group linked to a remote group, if any. Asked only when an earlier attempt may
   * have reached Waldur (interrupted or failed in transit), to tell "imported" from "skipped".
   */
  findLinkedGroup?(remoteGroupId: string): Promise<LocalGroupRef | null>;
};

export const apiImportClient: ImportClient = {
  async importRemote(body) {
    const group = await unwrap(api.POST('/api/offering-keycloak-groups/import_remote/', { body }));
    return { uuid: group.uuid ?? '', name: group.name ?? '' };
  },
  pullMembers(groupUuid) {
    return unwrap(api.POST('/api/offering-keycloak-groups/{uuid}/pull_members/', { params: { path: { uuid: groupUuid } } }));
  },
};

export type ImportJob = {
  remoteGroupId: string;
  choice: Choice;
  /** What happened to this group before (a resumed or retried run). */
  previous?: GroupResult;
};

export type RunOptions = {
  offeringUuid: string;
  jobs: readonly ImportJob[];
  pullMembers: boolean;
  client?: ImportClient;
  concurrency?: number;
  /** Remote group ids known to be linked to a local group when the run starts (e.g. at the review). */
  linked?: ReadonlyMap<string, LocalGroupRef>;
  /**
   * Reads the linked groups afresh, at most once a run and only when needed: to name the local
   * group of a group Waldur refuses as linked already, or to decide about a group an earlier
   * attempt may have sent. Not before the run: every page of the offering's groups (67 at
   * 20,000 groups) would take connections and server time from the imports (bench figure 9).
   */
  readLinked?: () => Promise<ReadonlyMap<string, LocalGroupRef>>;
  /** Aborting stops the run: nothing new is sent, requests in flight finish. */
  signal?: AbortSignal;
  onUpdate?: (remoteGroupId: string, result: GroupResult) => void;
};

export type RunOutcome = {
  results: Record<string, GroupResult>;
  stopped: StopReason | null;
};

/**
 * Waldur's 400 when another local group links the remote group already. Its words are Waldur's,
 * in the language the request asked for (Accept-Language), so they only hint: a 400 with a
 * message for the whole form is checked against the linked groups, and the English words are
 * trusted only when that lookup finds nothing.
 */
function mayBeAlreadyLinked(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 400 && error.formErrors.length > 0;
}

function saysAlreadyLinked(error: unknown): boolean {
  return (
    mayBeAlreadyLinked(error) &&
    error.formErrors.some((message) => message.toLowerCase().includes('already exists for this remote keycloak group'))
  );
}

function fatalReason(error: unknown): StopReason | null {
  if (!(error instanceof ApiError) || error.kind !== 'http') return null;
  if (error.status === 401) return 'session-expired';
  if (error.status === 403) return 'forbidden';
  return null;
}

const STOP_SENTENCES: Record<StopReason, MessageDescriptor> = {
  'session-expired': msg`Your session expired before this group was sent.`,
  forbidden: msg`Stopped: Waldur refused the import (no permission).`,
  cancelled: msg`The import was stopped before this group was sent.`,
  interrupted: msg`The import was interrupted.`,
};

export function stopSentence(reason: StopReason): string {
  return i18n._(STOP_SENTENCES[reason]);
}

function mayHaveReachedWaldur(previous: GroupResult | undefined): boolean {
  return previous?.status === 'interrupted' || (previous?.status === 'failed' && previous.uncertain);
}

export async function runImport(options: RunOptions): Promise<RunOutcome> {
  const { offeringUuid, jobs, pullMembers, signal, readLinked } = options;
  let linked = options.linked;
  let fresh: Promise<ReadonlyMap<string, LocalGroupRef> | undefined> | undefined;
  const freshLinked = () =>
    (fresh ??= (readLinked ? readLinked() : Promise.resolve(undefined)).then(
      (answer) => (linked = answer),
      () => undefined,
    ));
  const client = options.client ?? apiImportClient;
  const concurrency = Math.max(1, options.concurrency ?? IMPORT_CONCURRENCY);
  const results: Record<string, GroupResult> = {};
  let stopped: StopReason | null = null;

  const set = (id: string, result: GroupResult) => {
    results[id] = result;
    options.onUpdate?.(id, result);
  };
  const stop = (reason: StopReason) => {
    stopped ??= reason;
  };

  // Every job waits in the queue first, so the table shows the whole run from the start.
  const queue: ImportJob[] = [];
  for (const job of jobs) {
    const previous = job.previous;
    if (previous?.status === 'skipped') continue;
    if (previous?.status === 'imported' && (!pullMembers || previous.pull?.state === 'done')) continue;
    queue.push(job);
    if (previous?.status === 'imported') set(job.remoteGroupId, { ...previous, pull: { state: 'waiting' } });
    else set(job.remoteGroupId, { status: 'waiting' });
  }

  async function pull(id: string, localGroup: LocalGroupRef, note?: string): Promise<void> {
    const base = { status: 'imported' as const, localGroup, ...(note ? { note } : {}) };
    if (!pullMembers) {
      set(id, { ...base, pull: null });
      return;
    }
    if (stopped) {
      set(id, { ...base, pull: { state: 'waiting' } });
      return;
    }
    set(id, { ...base, pull: { state: 'pulling' } });
    try {
      const answer = await client.pullMembers(localGroup.uuid);
      set(id, { ...base, pull: { state: 'done', created: answer.created, updated: answer.updated, totalRemote: answer.total_remote } });
    } catch (error) {
      const reason = fatalReason(error);
      if (reason) {
        stop(reason);
        set(id, { ...base, pull: { state: 'waiting' } });
      } else {
        set(id, { ...base, pull: { state: 'failed', message: errorMessage(error) } });
      }
    }
  }

  async function importOne(job: ImportJob): Promise<void> {
    const id = job.remoteGroupId;
    const previous = job.previous;
    if (previous?.status === 'imported') {
      await pull(id, previous.localGroup, previous.note);
      return;
    }
    // An earlier attempt may have reached Waldur: its answer must be known before deciding.
    const known = (mayHaveReachedWaldur(previous) ? await freshLinked() : linked)?.get(id);
    if (known) {
      const knownName = known.name;
      if (mayHaveReachedWaldur(previous)) await pull(id, known, t`Confirmed after the interruption.`);
      else set(id, { status: 'skipped', reason: t`Already linked to the local group “${knownName}”.` });
      return;
    }
    set(id, { status: 'importing' });
    try {
      const group = await client.importRemote({
        offering_uuid: offeringUuid,
        role_uuid: job.choice.role,
        remote_group_id: id,
        resource_uuid: job.choice.resource || undefined,
        scope_id: job.choice.scope,
      });
      await pull(id, group);
    } catch (error) {
      if (mayBeAlreadyLinked(error)) {
        const ours = mayHaveReachedWaldur(previous) && client.findLinkedGroup ? await client.findLinkedGroup(id).catch(() => null) : null;
        const other = ours ? undefined : (await freshLinked())?.get(id);
        const otherName = other?.name ?? '';
        if (ours) return await pull(id, ours, t`Confirmed after the interruption.`);
        if (other) return set(id, { status: 'skipped', reason: t`Already linked to the local group “${otherName}”.` });
        if (saysAlreadyLinked(error)) return set(id, { status: 'skipped', reason: t`Already linked to a local group.` });
      }
      const reason = fatalReason(error);
      if (reason) {
        stop(reason);
        set(id, { status: 'not-started', reason: stopSentence(reason) });
        return;
      }
      const transient = error instanceof ApiError ? error.isTransient : true;
      set(id, { status: 'failed', message: errorMessage(error), uncertain: transient });
    }
  }

  const onAbort = () => stop('cancelled');
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) stop('cancelled');

  // Jobs start in queue order, so the ones never started are the tail after the started ones.
  let started = 0;
  try {
    started = (await mapLimit(queue, concurrency, importOne, { stop: () => stopped !== null })).length;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  if (stopped) {
    const sentence = stopSentence(stopped);
    for (const job of queue.slice(started)) {
      const current = results[job.remoteGroupId];
      if (current?.status === 'imported') set(job.remoteGroupId, { ...current, pull: pullMembers ? { state: 'waiting' } : null });
      else set(job.remoteGroupId, { status: 'not-started', reason: sentence });
    }
  }
  return { results, stopped };
}
