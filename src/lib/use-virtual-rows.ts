import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { rangeItems, rowStarts, sameRange, totalSize, visibleRange, type RowKey, type RowRange, type VirtualItem } from './virtual-range';

export type { RowKey, VirtualItem };

type Options = {
  count: number;
  /**
   * The height of row `index`: its height when computed from its data, an estimate until it is
   * drawn when rows are measured. A new function means new sizes (the starts of the rows are
   * summed again), so keep it one function while they stay (useCallback, or module level).
   */
  size: (index: number) => number;
  /** Rows drawn beyond each edge of the viewport. */
  overscan: number;
  /** The viewport height until the scroll box is observed, so the first render draws rows. */
  initialHeight: number;
  /** A row's key (default: its index); measured heights are kept by key. One function, like `size`. */
  rowKey?: (index: number) => RowKey;
  /** Rows are measured once drawn: they take `measureRow` as ref and carry `data-index`. */
  measured?: boolean;
};

const byIndex = (index: number) => index;

/** How long after its last scroll event a list still counts as scrolling. */
const SCROLL_SETTLE_MS = 150;

const scrolling = (box: { scrolledAt: number }) => performance.now() - box.scrolledAt < SCROLL_SETTLE_MS;

/**
 * A virtualised list: only the rows in and near the viewport are drawn. Give the scroll box
 * `scrollRef`; draw `items` at their `start`, in a box of `totalSize`. The range is worked out
 * again on every scroll event (a binary search), but React renders only when it changes.
 *
 * With `measured`, drawn rows are measured (when first drawn and whenever they resize) and
 * their heights replace the estimates, kept by row key; when a row above the viewport changes
 * height, the scroll position follows so the rows in view stay where they are.
 */
export function useVirtualRows<T extends HTMLElement>({
  count,
  size,
  overscan,
  initialHeight,
  rowKey = byIndex,
  measured = false,
}: Options) {
  // Measured heights by row key, written by the observers below; `version` re-renders on a change.
  const [heights] = useState(() => new Map<RowKey, number>());
  const [version, setVersion] = useState(0);
  const starts = useMemo(() => {
    void version;
    return rowStarts(count, measured ? (index) => heights.get(rowKey(index)) ?? size(index) : size);
  }, [count, size, rowKey, measured, heights, version]);

  // The viewport the range was last worked out for; set only when that changes the range.
  const [view, setView] = useState({ offset: 0, height: initialHeight });
  const range = visibleRange(starts, view.offset, view.height, overscan);

  // What handlers and observers read: the last render's rows and range, and the scroll box now.
  const latest = useRef<{ starts: Float64Array; range: RowRange | null; rowKey: (index: number) => RowKey; overscan: number }>({
    starts,
    range,
    rowKey,
    overscan,
  });
  const box = useRef({ element: null as T | null, offset: 0, height: initialHeight, scrolledAt: -Infinity, backward: false });
  const rows = useRef({ observer: null as ResizeObserver | null, unmeasured: new Set<HTMLElement>() });

  /** Renders the viewport as it is now, if that draws other rows; at once when scrolling. */
  const sync = useCallback((now: boolean) => {
    const { starts, range, overscan } = latest.current;
    const { offset, height } = box.current;
    if (sameRange(visibleRange(starts, offset, height, overscan), range)) return;
    const next = { offset, height };
    if (now) flushSync(() => setView(next));
    else setView(next);
  }, []);

  const scrollRef = useCallback(
    (element: T | null) => {
      if (!element) return;
      const state = box.current;
      state.element = element;
      // A new scroll box is at its top. Its height comes with the observer's first call, after
      // the layout that precedes the first paint: reading it here would force a layout of the
      // whole page in the middle of the commit (70 ms on a cold Sync status tab).
      state.offset = 0;
      const onScroll = () => {
        const offset = element.scrollTop;
        state.backward = offset < state.offset;
        state.offset = offset;
        state.scrolledAt = performance.now();
        // Before this frame paints, like the scroll itself.
        sync(true);
      };
      element.addEventListener('scroll', onScroll, { passive: true });
      const observer =
        typeof ResizeObserver === 'undefined'
          ? null
          : new ResizeObserver(() => {
              state.height = element.clientHeight;
              sync(false);
            });
      observer?.observe(element);
      return () => {
        element.removeEventListener('scroll', onScroll);
        observer?.disconnect();
        if (state.element === element) state.element = null;
      };
    },
    [sync],
  );

  /** Records the heights of drawn rows; keeps the rows in view still when rows above them change. */
  const record = useCallback(
    (measurements: Iterable<readonly [HTMLElement, number]>) => {
      const { starts, rowKey } = latest.current;
      const state = box.current;
      let changed = false;
      let shift = 0;
      for (const [node, measuredHeight] of measurements) {
        const height = Math.round(measuredHeight);
        const index = Number(node.dataset.index);
        // A row of no height is not laid out (a hidden panel): its estimate stays.
        if (!node.isConnected || height <= 0 || !Number.isInteger(index) || index < 0 || index >= starts.length - 1) continue;
        const key = rowKey(index);
        const known = heights.get(key);
        if (known === height) continue;
        const start = starts[index] ?? 0;
        const current = (starts[index + 1] ?? start) - start;
        // The content below the row moved by the difference. A first measurement counts when
        // the row starts above the top edge; a later one when the row is wholly above it and
        // the list is not scrolling up (rows growing as they scroll in would push back).
        if (known === undefined ? start < state.offset : start + current <= state.offset && !(state.backward && scrolling(state)))
          shift += height - current;
        heights.set(key, height);
        changed = true;
      }
      if (shift !== 0 && state.element) {
        state.offset += shift;
        state.element.scrollTop = state.offset;
      }
      if (changed) setVersion((value) => value + 1);
    },
    [heights],
  );

  const measureRow = useCallback(
    (node: HTMLElement | null) => {
      if (!node) return;
      const state = rows.current;
      if (!state.observer && typeof ResizeObserver !== 'undefined') {
        state.observer = new ResizeObserver((entries) =>
          record(
            entries.map(
              (entry) =>
                [entry.target as HTMLElement, entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight] as const,
            ),
          ),
        );
      }
      state.observer?.observe(node, { box: 'border-box' });
      // While scrolling, the observer measures it before the frame paints; otherwise (the first
      // rows, a changed list) it is measured when committed, so the range is right at once.
      if (!scrolling(box.current)) state.unmeasured.add(node);
      return () => {
        state.observer?.unobserve(node);
        state.unmeasured.delete(node);
      };
    },
    [record],
  );

  useLayoutEffect(() => {
    latest.current = { starts, range, rowKey, overscan };
    const { unmeasured } = rows.current;
    if (unmeasured.size > 0) {
      const nodes = [...unmeasured];
      unmeasured.clear();
      record(nodes.map((node) => [node, node.offsetHeight] as const));
    }
    sync(false);
  });

  useEffect(() => {
    const state = rows.current;
    return () => {
      state.observer?.disconnect();
      state.observer = null;
    };
  }, []);

  return {
    scrollRef,
    items: rangeItems(starts, range, rowKey),
    totalSize: totalSize(starts),
    /** For measured rows: their ref (each row also carries `data-index`). */
    measureRow,
  };
}
