import { msg, plural, t } from '@lingui/core/macro';
import { z } from 'zod/mini';

/**
 * What the import wizard remembers for one offering: the chosen remote groups, the role,
 * resource and scope ID for each, the step, and what happened to every group once the import
 * ran. Kept in sessionStorage (see wizard-store.ts), so a reload or the sign-in round trip
 * after an expired session keeps everything, including which groups were already imported.
 */

export const STEP_LABELS = [msg`Choose groups`, msg`Assign roles`, msg`Review`, msg`Import`] as const;
// The saved state's schema is also its type (lenient on reading: anything odd falls back to a
// fresh wizard).

const stepSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type Step = z.infer<typeof stepSchema>;

/** '' means "none" for resource and scope ID, and "not chosen yet" for role. */
const choiceSchema = z.object({ role: z.string(), resource: z.string(), scope: z.string() });
export type Choice = z.infer<typeof choiceSchema>;
export const EMPTY_CHOICE: Choice = { role: '', resource: '', scope: '' };

const remoteGroupInfoSchema = z.object({ name: z.string(), path: z.string() });
export type RemoteGroupInfo = z.infer<typeof remoteGroupInfoSchema>;

const pullSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting') }),
  z.object({ state: z.literal('pulling') }),
  z.object({ state: z.literal('done'), created: z.number(), updated: z.number(), totalRemote: z.number() }),
  z.object({ state: z.literal('failed'), message: z.string() }),
]);
export type PullState = z.infer<typeof pullSchema>;

const resultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting') }),
  z.object({ status: z.literal('importing') }),
  z.object({
    status: z.literal('imported'),
    localGroup: z.object({ uuid: z.string(), name: z.string() }),
    pull: z.nullable(pullSchema),
    note: z.optional(z.string()),
  }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
  /** `uncertain`: the request may have reached Waldur (network failure, timeout, 5xx). */
  z.object({ status: z.literal('failed'), message: z.string(), uncertain: z.boolean() }),
  z.object({ status: z.literal('not-started'), reason: z.string() }),
  /** Was being sent when the page went away: Waldur may or may not have it. */
  z.object({ status: z.literal('interrupted') }),
]);
export type GroupResult = z.infer<typeof resultSchema>;

const stopReasonSchema = z.enum(['session-expired', 'forbidden', 'cancelled', 'interrupted']);
export type StopReason = z.infer<typeof stopReasonSchema>;

const runSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('running'), startedAt: z.number() }),
  z.object({ phase: z.literal('finished'), stopped: z.nullable(stopReasonSchema), finishedAt: z.number() }),
]);
export type RunState = z.infer<typeof runSchema>;

const stateSchema = z.object({
  version: z.literal(1),
  step: stepSchema,
  /** The furthest step reached, for the stepper's clickable steps. */
  visited: stepSchema,
  /** Remote group ids, in the order they were chosen. */
  selected: z.array(z.string()),
  /** Name and path of every chosen group, so later steps work even if Keycloak stops answering. */
  groups: z.record(z.string(), remoteGroupInfoSchema),
  choices: z.record(z.string(), choiceSchema),
  pullMembers: z.boolean(),
  results: z.record(z.string(), resultSchema),
  run: runSchema,
  /** A message for the next step shown (e.g. preselected groups that were already linked). */
  notice: z.nullable(z.string()),
});
export type WizardState = z.infer<typeof stateSchema>;

export function emptyWizard(): WizardState {
  return {
    version: 1,
    step: 0,
    visited: 0,
    selected: [],
    groups: {},
    choices: {},
    pullMembers: true,
    results: {},
    run: { phase: 'idle' },
    notice: null,
  };
}

/**
 * Reads a saved wizard. A run that was going on when the state was saved is over (this page
 * has no runner for it): groups in flight become "interrupted", queued ones "not started".
 */
export function parseSavedWizard(raw: string | null): WizardState {
  if (!raw) return emptyWizard();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyWizard();
  }
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) return emptyWizard();
  const state = parsed.data;
  if (state.run.phase !== 'running') return state;
  return { ...settleDeadRun(state), run: { phase: 'finished', stopped: 'interrupted', finishedAt: Date.now() } };
}

function settleDeadRun(state: WizardState): WizardState {
  const results: Record<string, GroupResult> = {};
  for (const [id, result] of Object.entries(state.results)) {
    if (result.status === 'importing') results[id] = { status: 'interrupted' };
    else if (result.status === 'waiting') results[id] = { status: 'not-started', reason: t`The import was interrupted.` };
    else if (result.status === 'imported' && result.pull?.state === 'pulling') results[id] = { ...result, pull: { state: 'waiting' } };
    else results[id] = result;
  }
  return { ...state, results };
}

// ---- questions about the state --------------------------------------------------------------

/** Done with: imported (and pulled, when pulling was asked for) or skipped. */
export function isSettled(result: GroupResult | undefined, pullMembers: boolean): boolean {
  if (!result) return false;
  if (result.status === 'skipped') return true;
  if (result.status !== 'imported') return false;
  return !pullMembers || result.pull === null || result.pull.state === 'done';
}

/** Groups still to send: never tried, not started, interrupted, or (with `failed`) failed. */
export function pendingIds(state: WizardState, which: 'all' | 'failed' | 'remaining'): string[] {
  return state.selected.filter((id) => {
    const result = state.results[id];
    if (isSettled(result, state.pullMembers)) return false;
    const failed = result?.status === 'failed' || (result?.status === 'imported' && result.pull?.state === 'failed');
    if (which === 'failed') return failed;
    if (which === 'remaining') return !failed;
    return true;
  });
}

/** Choices not sent yet: leaving the wizard would drop them. */
export function hasUnsentChoices(state: WizardState): boolean {
  if (state.run.phase === 'running') return true;
  return state.selected.some((id) => {
    const result = state.results[id];
    return !result || result.status === 'not-started' || result.status === 'waiting' || result.status === 'interrupted';
  });
}

export type ResultCounts = {
  total: number;
  imported: number;
  skipped: number;
  failed: number;
  notStarted: number;
  inProgress: number;
  /** Members created by pull_members over all groups. */
  membersPulled: number;
  pullFailed: number;
};

export function countResults(state: WizardState): ResultCounts {
  const counts: ResultCounts = {
    total: 0,
    imported: 0,
    skipped: 0,
    failed: 0,
    notStarted: 0,
    inProgress: 0,
    membersPulled: 0,
    pullFailed: 0,
  };
  for (const id of state.selected) {
    const result = state.results[id];
    if (!result) continue;
    counts.total += 1;
    switch (result.status) {
      case 'imported':
        counts.imported += 1;
        if (result.pull?.state === 'done') counts.membersPulled += result.pull.created;
        if (result.pull?.state === 'failed') counts.pullFailed += 1;
        if (result.pull?.state === 'pulling') counts.inProgress += 1;
        break;
      case 'skipped':
        counts.skipped += 1;
        break;
      case 'failed':
        counts.failed += 1;
        break;
      case 'importing':
        counts.inProgress += 1;
        break;
      default:
        counts.notStarted += 1;
    }
  }
  return counts;
}

// ---- changes ----------------------------------------------------------------------------------

export function setSelected(state: WizardState, groups: Array<{ id: string } & RemoteGroupInfo>, selected: boolean): WizardState {
  const current = new Set(state.selected);
  const names = { ...state.groups };
  const order = [...state.selected];
  for (const group of groups) {
    if (selected) {
      names[group.id] = { name: group.name, path: group.path };
      if (!current.has(group.id)) {
        current.add(group.id);
        order.push(group.id);
      }
    } else if (current.has(group.id) && !isLocked(state, group.id)) {
      current.delete(group.id);
    }
  }
  return { ...state, groups: names, selected: order.filter((id) => current.has(id)) };
}

/** A group imported by this wizard stays in it: its result is part of the record. */
export function isLocked(state: WizardState, id: string): boolean {
  const result = state.results[id];
  return result?.status === 'imported' || result?.status === 'importing';
}

export function setChoice(state: WizardState, id: string, patch: Partial<Choice>): WizardState {
  const previous = state.choices[id] ?? EMPTY_CHOICE;
  return { ...state, choices: { ...state.choices, [id]: { ...previous, ...patch } } };
}

/** "Apply to all": one choice on every chosen group not imported yet. */
export function applyToAll(state: WizardState, choice: Choice): WizardState {
  const choices = { ...state.choices };
  for (const id of state.selected) if (!isLocked(state, id)) choices[id] = { ...choice };
  return { ...state, choices };
}

export function goTo(state: WizardState, step: Step): WizardState {
  return { ...state, step, visited: Math.max(state.visited, step) as Step, notice: step === state.step ? state.notice : null };
}

/**
 * Groups handed over in the URL (`?select=<remote group id>`, from the sync status page).
 * A finished wizard starts over; otherwise they join the current choice. Already linked and
 * unknown ids are left out and said so; the wizard moves on to "Assign roles".
 */
export function applyPreselection(
  state: WizardState,
  ids: string[],
  remote: ReadonlyMap<string, RemoteGroupInfo>,
  linked: ReadonlyMap<string, string>,
): WizardState {
  const finished = state.run.phase === 'finished' && !hasUnsentChoices(state);
  let next = finished ? emptyWizard() : state;
  const accepted: Array<{ id: string } & RemoteGroupInfo> = [];
  const linkedNames: string[] = [];
  let unknown = 0;
  for (const id of new Set(ids)) {
    const info = remote.get(id);
    if (!info) unknown += 1;
    else if (linked.has(id) && !isLocked(next, id)) linkedNames.push(info.name);
    else accepted.push({ id, ...info });
  }
  next = setSelected(next, accepted, true);
  const notes: string[] = [];
  if (linkedNames.length > 0) {
    const names = linkedNames.map((name) => `“${name}”`).join(', ');
    notes.push(t`Already linked to a local group, so not chosen: ${names}.`);
  }
  if (unknown > 0) {
    notes.push(
      plural(unknown, {
        one: 'One group from the link no longer exists in Keycloak.',
        other: '# groups from the link no longer exist in Keycloak.',
      }),
    );
  }
  const step: Step = accepted.length > 0 && next.step < 1 ? 1 : next.step;
  next = goTo(next, step);
  return { ...next, notice: notes.length > 0 ? notes.join(' ') : null };
}
