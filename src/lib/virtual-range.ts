/*
 * The arithmetic of a virtualised list, kept apart from React and the DOM so it can be tested
 * alone: where each row starts (prefix sums, once per change of the rows or their sizes) and
 * which rows a scroll position shows (two binary searches, so a scroll event costs O(log n)
 * however long the list is).
 */

export type RowKey = string | number;

/** A row to draw: where it starts and ends (px from the top of the list) and its size. */
export type VirtualItem = { index: number; key: RowKey; start: number; size: number; end: number };

/** The rows to draw, first and last included. */
export type RowRange = { first: number; last: number };

/**
 * Where each of `count` rows starts: `starts[i]` is the offset of row `i`, `starts[count]` the
 * size of the whole list. Negative or missing sizes count as 0.
 */
export function rowStarts(count: number, sizeOf: (index: number) => number): Float64Array {
  const starts = new Float64Array(Math.max(count, 0) + 1);
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    starts[index] = offset;
    offset += Math.max(sizeOf(index) || 0, 0);
  }
  starts[Math.max(count, 0)] = offset;
  return starts;
}

export function totalSize(starts: Float64Array): number {
  return starts[starts.length - 1] ?? 0;
}

/** The first index in [low, high) whose start is above `value` (`high` when none is). */
function firstAbove(starts: Float64Array, value: number, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The first index in [low, high) whose start is at or above `value` (`high` when none is). */
function firstAtOrAbove(starts: Float64Array, value: number, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The rows a viewport of `height` px scrolled to `offset` shows, with `overscan` more rows on
 * each side; null when there is nothing to draw (no rows, or a viewport of no height). An
 * offset past the end (a list that just shrank, an overscroll bounce) counts as the end.
 */
export function visibleRange(starts: Float64Array, offset: number, height: number, overscan: number): RowRange | null {
  const count = starts.length - 1;
  if (count <= 0 || height <= 0) return null;
  const top = Math.max(0, Math.min(offset, totalSize(starts) - height));
  // The row the top edge is in: the last one starting at or above it (of rows of no size that
  // start together, the first).
  const atTop = firstAbove(starts, top, 1, count) - 1;
  const first = firstAtOrAbove(starts, starts[atTop] ?? 0, 0, atTop);
  // The row the bottom edge is in: the first one ending at or below it, or the last row.
  const last = Math.min(firstAtOrAbove(starts, top + height, first + 1, count + 1) - 1, count - 1);
  return { first: Math.max(first - overscan, 0), last: Math.min(last + overscan, count - 1) };
}

export function sameRange(a: RowRange | null, b: RowRange | null): boolean {
  return a === b || (a !== null && b !== null && a.first === b.first && a.last === b.last);
}

/** The rows of `range` with their positions. */
export function rangeItems(starts: Float64Array, range: RowRange | null, keyOf: (index: number) => RowKey): VirtualItem[] {
  if (!range) return [];
  const items: VirtualItem[] = [];
  for (let index = range.first; index <= range.last; index += 1) {
    const start = starts[index] ?? 0;
    const end = starts[index + 1] ?? start;
    items.push({ index, key: keyOf(index), start, size: end - start, end });
  }
  return items;
}
