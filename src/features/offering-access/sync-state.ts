import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { STATE_LOOK } from '../../components/state-look';

/**
 * What the site agent reported about one grant (waldur-access-8.1.md section 5), and what the
 * UI may say about it. Waldur itself does not talk to Keycloak: only a `synced` report says that
 * Keycloak has the grant, and only as of its report time.
 */
export const REPORTED_STATES = ['synced', 'pending', 'missing_in_idp', 'error'] as const;
export type ReportedState = (typeof REPORTED_STATES)[number];

export type SyncReport =
  /** The agent's report: its state, its message and when it reported. */
  | { kind: 'reported'; state: ReportedState; message: string; reportedAt: string | null }
  /** `sync_state: null`: the offering reports sync states, but not for this grant. */
  | { kind: 'not-reported' }
  /** The offering does not report sync states at all (`enable_membership_sync_status` off). */
  | { kind: 'off' }
  /**
   * Sync states could not be read for this grant's resource; `reason` says why (words put in the
   * app's language where they are shown: a report is made while the first page's catalog loads).
   */
  | { kind: 'unreadable'; reason: MessageDescriptor };

/** The sync state filter's values, "not reported" included. */
export const SYNC_FILTERS = ['synced', 'pending', 'missing_in_idp', 'error', 'not_reported'] as const;
export type SyncFilter = (typeof SYNC_FILTERS)[number];

type Words = {
  label: MessageDescriptor;
  /** After a number, in a summary: "22 in Keycloak", "3 with an error". */
  counted: MessageDescriptor;
  /** A glyph beside the words (never alone: the words carry the meaning). */
  icon: string;
  color: string;
  /** What the report means, said plainly. */
  meaning: MessageDescriptor;
  /** What the admin can do about it; none for `synced`. */
  todo: MessageDescriptor | null;
};

export const SYNC_WORDS: Record<SyncFilter, Words> = {
  synced: {
    counted: msg`in Keycloak`,
    label: msg`In Keycloak`,
    icon: '✓',
    color: STATE_LOOK.active.color,
    meaning: msg`The site agent reported that Keycloak has this grant.`,
    todo: null,
  },
  pending: {
    counted: msg`pending`,
    label: STATE_LOOK.pending.label,
    icon: '◷',
    color: STATE_LOOK.pending.color,
    meaning: msg`The site agent has seen this grant but has not applied it on the provider side yet.`,
    todo: msg`Wait for the agent’s next cycle, or re-sync the resource.`,
  },
  missing_in_idp: {
    counted: msg`with the user not in Keycloak`,
    label: msg`User not in Keycloak`,
    icon: '⚠',
    color: 'orange',
    meaning: msg`The site agent found no Keycloak user for this person, so the grant cannot take effect yet.`,
    todo: msg`Ask the person to sign in to the service once (the agent never creates users); if they have, check that their Keycloak username is their Waldur username. Access activates at the next sync.`,
  },
  error: {
    counted: msg`with an error`,
    label: STATE_LOOK.error.label,
    icon: '✗',
    color: STATE_LOOK.error.color,
    meaning: msg`The site agent could not apply this grant on the provider side.`,
    todo: msg`Read the agent’s message, fix the provider side (for Rancher: the resource’s cluster id and the operator), then re-sync the resource.`,
  },
  not_reported: {
    counted: msg`not reported`,
    label: msg`Not reported`,
    icon: '–',
    color: 'gray',
    meaning: msg`The site agent has not reported this grant: its role may be outside the agent’s role map (then it is never synced), no report has come since it was granted, or the agent is older than sync status reporting.`,
    todo: msg`Check that the role is in the agent’s role map; otherwise re-sync the resource and wait for the report.`,
  },
};

/** The filter value a report falls under; null when sync states are off or unreadable. */
export function syncFilterOf(report: SyncReport): SyncFilter | null {
  if (report.kind === 'reported') return report.state;
  if (report.kind === 'not-reported') return 'not_reported';
  return null;
}

export function isReportedState(value: unknown): value is ReportedState {
  return typeof value === 'string' && (REPORTED_STATES as readonly string[]).includes(value);
}

/**
 * A team_members entry's sync fields as a report. With the offering's flag off Waldur leaves
 * the three keys out; with it on, `sync_state: null` means not reported. An entry without the
 * keys on an offering that reports (a Waldur 8.1.0 answer) cannot say either.
 */
export function syncReportOf(
  entry: { sync_state?: string | null; sync_message?: string | null; sync_reported_at?: string | null },
  offeringReports: boolean,
): SyncReport {
  if (!offeringReports) return { kind: 'off' };
  if (!('sync_state' in entry)) {
    return {
      kind: 'unreadable',
      reason: msg`This Waldur’s team members list gives no sync fields (Waldur 8.1.0 does not), so the state is unknown.`,
    };
  }
  if (entry.sync_state === null || entry.sync_state === undefined) return { kind: 'not-reported' };
  if (!isReportedState(entry.sync_state)) {
    const state = entry.sync_state;
    return { kind: 'unreadable', reason: msg`The agent reported a state this app does not know (“${state}”).` };
  }
  return { kind: 'reported', state: entry.sync_state, message: entry.sync_message ?? '', reportedAt: entry.sync_reported_at ?? null };
}
