/**
 * A shared cap on work under way: `limit(run)` starts `run` once fewer than `concurrency` calls
 * are running, in the order they were asked for. Several lists read at once (a resource's
 * grants, then its projects' grants) share one cap, so nested fan-outs never multiply it.
 */
export function createLimiter(concurrency: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async function limit<T>(run: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await run();
    } finally {
      next();
    }
  };
}
