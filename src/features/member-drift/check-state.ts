import { plural, t } from '@lingui/core/macro';
import { formatNumber } from '../../lib/format';
import type { DriftKind } from './member-lines';
import type { CheckGroup, Finding, GroupCheck } from './walk';

/**
 * What a members check found so far, small enough to keep in localStorage: groups that were
 * clean are kept by uuid only; groups with findings or a failed read are kept whole.
 */
export type CheckStatus = 'running' | 'complete' | 'cancelled' | 'interrupted';

export type CheckState = {
  version: 1;
  startedAt: number;
  /** When the last group was read. */
  readAt: number | null;
  status: CheckStatus;
  /** How many linked groups the check set out to read. */
  total: number;
  clean: string[];
  /** Groups with findings, or whose read failed, by uuid. */
  results: Record<string, GroupCheck>;
};

export function startState(total: number, now: number): CheckState {
  return { version: 1, startedAt: now, readAt: null, status: 'running', total, clean: [], results: {} };
}

/** Adds one group's result, replacing any earlier result of that group (a re-check). */
export function addCheck(state: CheckState, check: GroupCheck): CheckState {
  const uuid = check.group.uuid;
  const clean = state.clean.filter((item) => item !== uuid);
  const results = { ...state.results };
  delete results[uuid];
  if (check.status === 'checked' && check.findings.length === 0) clean.push(uuid);
  else results[uuid] = check;
  return { ...state, clean, results, readAt: Math.max(state.readAt ?? 0, check.at) };
}

export function checkedCount(state: CheckState): number {
  return state.clean.length + Object.values(state.results).filter((check) => check.status === 'checked').length;
}

export function failedGroups(state: CheckState): CheckGroup[] {
  return Object.values(state.results).flatMap((check) => (check.status === 'failed' ? [check.group] : []));
}

/**
 * The failed groups a new read can help: not those whose remote group Keycloak no longer has
 * (marked `missing` by the walk); those need a link, an unlink or a delete instead.
 */
export function retryableGroups(state: CheckState): CheckGroup[] {
  return Object.values(state.results).flatMap((check) => (check.status === 'failed' && !check.missing ? [check.group] : []));
}

/** The linked groups not read yet (after a cancel or an interrupted check). */
export function unreadGroups(state: CheckState, linked: readonly CheckGroup[]): CheckGroup[] {
  const done = new Set([...state.clean, ...Object.keys(state.results)]);
  return linked.filter((group) => !done.has(group.uuid));
}

/**
 * What to say when no difference is shown after a check: agreement only when every linked
 * group was read, and never about zero groups (nothing checked is not "everything agrees").
 */
export function noDifferencesText(state: CheckState, { canSeeGroups }: { canSeeGroups: boolean }): string {
  const read = checkedCount(state);
  const failed = failedGroups(state).length;
  if (state.total === 0) {
    return canSeeGroups
      ? t`Nothing was checked: the offering has no linked groups.`
      : t`Nothing was checked: your account cannot see this offering’s groups (Waldur shows them only to staff and to the owners of its organization).`;
  }
  if (read === 0) {
    return failed ? t`Nothing was checked: no linked group could be read.` : t`Nothing was checked yet.`;
  }
  if (read < state.total || state.status !== 'complete') {
    const otherText = formatNumber(state.total - read);
    return plural(read, {
      one: `No differences in the # group read; the other ${otherText} were not checked.`,
      other: `No differences in the # groups read; the other ${otherText} were not checked.`,
    });
  }
  return t`No differences: Waldur and Keycloak agree on every member of every linked group.`;
}

export type FindingRow = Finding & { group: CheckGroup };

/**
 * One row object per finding for as long as the finding is kept: the table's rows are
 * memoized on it, so a running check redraws only the rows it added, not every row in view.
 */
const rowOf = new WeakMap<Finding, FindingRow>();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function allFindings(state: CheckState): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const check of Object.values(state.results)) {
    if (check.status !== 'checked') continue;
    for (const finding of check.findings) {
      let row = rowOf.get(finding);
      if (row?.group !== check.group) rowOf.set(finding, (row = { ...finding, group: check.group }));
      rows.push(row);
    }
  }
  return rows.sort((a, b) => collator.compare(a.group.name, b.group.name) || collator.compare(a.username, b.username));
}

export function kindCounts(rows: readonly { kind: DriftKind }[]): Record<DriftKind, number> {
  const counts: Record<DriftKind, number> = { 'remote-only': 0, 'local-only': 0, drift: 0, pending: 0, flagged: 0 };
  for (const row of rows) counts[row.kind] += 1;
  return counts;
}

/** localStorage, keyed by user and offering; findings hold names and emails, never a token. */
export const storageKey = (userUuid: string, offeringUuid: string) => `waldur-kc.members-check.v1:${userUuid}:${offeringUuid}`;

export function loadState(storage: Storage, key: string): CheckState | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as CheckState;
    if (parsed?.version !== 1 || typeof parsed.results !== 'object' || !Array.isArray(parsed.clean)) return null;
    // A check that was running when the page went away did not finish.
    return parsed.status === 'running' ? { ...parsed, status: 'interrupted' } : parsed;
  } catch {
    return null;
  }
}

/** Saves the state; false when the browser refused (storage full). */
export function saveState(storage: Storage, key: string, state: CheckState): boolean {
  try {
    storage.setItem(key, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}
