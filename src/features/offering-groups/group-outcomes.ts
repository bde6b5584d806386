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
  return failures
    .slice(0, 3)
    .map((outcome) => `“${outcome.group.name}”: ${failureText(outcome)}`)
    .concat(failures.length > 3 ? [`and ${failures.length - 3} more`] : [])
    .join(' ');
}

export const quoted = (name: string) => `“${isolate(name)}”`;
