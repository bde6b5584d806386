import type { InvalidateQueryFilters, QueryClient, QueryKey } from '@tanstack/react-query';
import { staleAfter, type OfferingChange } from './offering-keys';

/**
 * The one way a write says what it makes stale: `meta.invalidates` on its `mutationOptions`,
 * read by the app's `MutationCache` (app/query-client.ts). No component spells a key.
 */

/** One thing a write makes stale: a change of an offering (the table in offering-keys.ts), or a key prefix. */
/** Key filters of one invalidation (a prefix, optionally narrowed). */
export type KeyFilters = Pick<InvalidateQueryFilters, 'queryKey' | 'predicate' | 'exact'>;

/**
 * `refresh`: a re-read that no key prefix expresses (the access tab reads again only the
 * resources a write touched, into the cached grants); awaited like an invalidation.
 */
export type Invalidation =
  { offering: string; change: OfferingChange } | KeyFilters | { refresh: (client: QueryClient) => Promise<unknown> };

/** How a write ended: its answer, or the error it failed with (null when it succeeded). */
export type Settlement<TData = unknown, TVariables = unknown> = { data: TData | undefined; error: unknown; variables: TVariables };

export type Invalidates = readonly Invalidation[] | ((settled: Settlement) => readonly Invalidation[]);

export type AppMutationMeta = {
  /**
   * What the write makes stale, invalidated once it has settled and before the mutation's own
   * callbacks run: the mutation stays pending (its button busy) until the refetch has landed.
   * A list applies after a success only; a function (see `invalidatesWhen`) decides per outcome,
   * e.g. also after a partial failure or a 404 (the object is gone: refresh the lists).
   */
  invalidates?: Invalidates;
};

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: AppMutationMeta;
  }
}

/** `invalidates` as a function of the outcome, typed by the mutation's answer and variables. */
export function invalidatesWhen<TData, TVariables>(
  decide: (settled: Settlement<TData, TVariables>) => readonly Invalidation[],
): (settled: Settlement) => readonly Invalidation[] {
  return decide as (settled: Settlement) => readonly Invalidation[];
}

/** What a settled write makes stale, per its meta. */
export function invalidationsOf(meta: AppMutationMeta | undefined, settled: Settlement): readonly Invalidation[] {
  const invalidates = meta?.invalidates;
  if (!invalidates) return [];
  return typeof invalidates === 'function' ? invalidates(settled) : settled.error === null ? invalidates : [];
}

/** Invalidates (and refetches what is on screen) everything a settled write made stale. */
export async function invalidateAfter(queryClient: QueryClient, meta: AppMutationMeta | undefined, settled: Settlement): Promise<void> {
  await Promise.all(
    invalidationsOf(meta, settled).flatMap((item) =>
      'refresh' in item
        ? [item.refresh(queryClient)]
        : 'change' in item
          ? staleAfter(item.offering, item.change).map((queryKey: QueryKey) => queryClient.invalidateQueries({ queryKey }))
          : [queryClient.invalidateQueries(item)],
    ),
  );
}
