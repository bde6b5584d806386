/**
 * Calls `fn` at most once every `ms`: the first call at once, later ones with the latest value
 * when the interval is over (values in between are dropped). `cancel` drops a pending call.
 * For progress reports of long work: a whole list page re-rendering on every page of an
 * export makes garbage faster than the export itself (bench figure 8).
 */
export function throttleLatest<T>(fn: (value: T) => void, ms: number): { call: (value: T) => void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = Date.now();
    fn(value);
  };
  return {
    call: (value) => {
      pending = { value };
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
