/**
 * Runs `run` over `items` with at most `limit` under way at a time, starting them in item order,
 * and returns the results in item order. Once `stop()` says so, no further item is started (the
 * ones under way finish); the results of items never started are left out. A rejection rejects
 * the whole run, as Promise.all does: a `run` that must not stop the others catches its errors.
 *
 * Dependency-free on purpose: the simulator (sim/) imports it too.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
  { stop }: { stop?: () => boolean } = {},
): Promise<R[]> {
  const results: R[] = [];
  const started: boolean[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop?.()) {
      const index = next;
      next += 1;
      started[index] = true;
      results[index] = await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results.filter((_, index) => started[index]);
}
