import { plural, t } from '@lingui/core/macro';
import { ApiError, errorMessage } from '../../api/errors';
import type { OfferingGroup } from '../../api/types';
import { isolate } from '../../lib/bidi';
import { mapLimit } from '../../lib/map-limit';
import { goneMessage } from './group-messages';

/** What the group actions share: one request per group, and how their outcomes are told. */
export type Outcome<T> = { group: OfferingGroup; value?: T; error?: unknown };

/** Runs one request per group, a few at a time, and keeps every outcome. */
export function eachGroup<T>(groups: OfferingGroup[], run: (group: OfferingGroup) => Promise<T>, concurrency = 3): Promise<Outcome<T>[]> {
  return mapLimit(groups, concurrency, async (group): Promise<Outcome<T>> => {
    try {
      return { group, value: await run(group) };
    } catch (error) {
      return { group, error };
    }
  });
}

export function failureText(outcome: Outcome<unknown>): string {
  if (outcome.error instanceof ApiError && outcome.error.isNotFound) return goneMessage(outcome.group.name);
  return errorMessage(outcome.error);
}

export function failureSummary(failures: Outcome<unknown>[]): string {
  if (failures.length === 1) return failureText(failures[0] as Outcome<unknown>);
  const more = failures.length - 3;
  return failures
    .slice(0, 3)
    .map((outcome) => {
      const shownName = quoted(outcome.group.name);
      const reason = failureText(outcome);
      return t`${shownName}: ${reason}`;
    })
    .concat(more > 0 ? [plural(more, { one: 'and # more', other: 'and # more' })] : [])
    .join(' ');
}

/** A name in quotation marks, the language's own (the name isolated inside them). */
export function quoted(name: string): string {
  const shownName = isolate(name);
  return t`“${shownName}”`;
}

/**
 * Some groups of a bulk action failed: the mutation fails (it never swallows an error), and
 * keeps every outcome so that what succeeded is still told beside what did not.
 */
export class SomeGroupsFailed<T> extends Error {
  constructor(readonly outcomes: Outcome<T>[]) {
    const failed = outcomes.filter((outcome) => outcome.error !== undefined).length;
    const total = outcomes.length;
    super(plural(total, { one: `${failed} of # group failed`, other: `${failed} of # groups failed` }));
    this.name = 'SomeGroupsFailed';
  }
}

/** The outcomes when every group succeeded; else throws SomeGroupsFailed with all of them. */
export function everyGroupOrThrow<T>(outcomes: Outcome<T>[]): Outcome<T>[] {
  if (outcomes.some((outcome) => outcome.error !== undefined)) throw new SomeGroupsFailed(outcomes);
  return outcomes;
}

/** Every outcome of a settled bulk action: its answer, or what its SomeGroupsFailed error kept. */
export function settledOutcomes<T>(data: Outcome<T>[] | undefined, error: unknown): Outcome<T>[] {
  if (data) return data;
  return error instanceof SomeGroupsFailed ? (error.outcomes as Outcome<T>[]) : [];
}

/** Whether one of the groups was gone (404): the lists are refreshed so that it disappears. */
export const someGone = (outcomes: Outcome<unknown>[]) =>
  outcomes.some((outcome) => outcome.error instanceof ApiError && outcome.error.isNotFound);
