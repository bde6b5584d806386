import { useMutationState } from '@tanstack/react-query';
import { connectionMutationKeys } from './mutations';

/** A finished connection test: Waldur reached Keycloak (`ok`), or how it failed, and when it was sent. */
export type FinishedTest = { ok: true; at: number } | { ok: false; at: number; error: unknown };

/**
 * The last finished connection test of the offering, wherever it was run (the header's button,
 * the Settings tab's), from the mutation cache: null when none has finished in this visit.
 */
export function useLastConnectionTest(offeringUuid: string): FinishedTest | null {
  const finished = useMutationState({
    filters: { mutationKey: connectionMutationKeys.test(offeringUuid), predicate: (mutation) => mutation.state.status !== 'pending' },
    select: (mutation): FinishedTest | null =>
      mutation.state.status === 'success'
        ? { ok: true, at: mutation.state.submittedAt }
        : mutation.state.status === 'error'
          ? { ok: false, at: mutation.state.submittedAt, error: mutation.state.error }
          : null,
  });
  let last: FinishedTest | null = null;
  for (const test of finished) if (test && (!last || test.at >= last.at)) last = test;
  return last;
}
