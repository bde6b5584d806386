/** How one step of a sequential bulk action ended: the step's own answer, or failed and why. */
export type Settled<S extends string> = { status: S } | { status: 'failed'; error: unknown };

/**
 * Runs `run` on each item one after another (never in parallel: in Waldur the order of some
 * deletions matters), stopping before the next item once `signal` is aborted. A thrown error
 * fails that item only. Each outcome, built by `outcome`, is reported as it happens and all are
 * returned in item order.
 */
export async function settleInOrder<T, S extends string, O>(
  items: readonly T[],
  run: (item: T) => Promise<S>,
  {
    outcome,
    onOutcome,
    signal,
  }: { outcome: (item: T, settled: Settled<S>) => O; onOutcome?: (outcome: O, index: number) => void; signal?: AbortSignal },
): Promise<O[]> {
  const outcomes: O[] = [];
  for (const [index, item] of items.entries()) {
    if (signal?.aborted) break;
    let settled: Settled<S>;
    try {
      settled = { status: await run(item) };
    } catch (error) {
      settled = { status: 'failed', error };
    }
    const result = outcome(item, settled);
    outcomes.push(result);
    onOutcome?.(result, index);
  }
  return outcomes;
}
