import { useCallback } from 'react';
import { useVirtualRows } from '../../lib/use-virtual-rows';
import type { SyncLine } from './sync-lines';
import { LINE_OVERSCAN, lineHeight } from './line-layout';
import classes from './sync-status-view.module.css';

/** A section's lines in a scroll container of their own, only the rows in view in the DOM. */
export function VirtualLines<T extends SyncLine>({
  label,
  lines,
  height,
  choices,
  render,
}: {
  label: string;
  lines: readonly T[];
  height: number;
  choices: ReadonlyMap<string, string>;
  render: (line: T) => React.ReactNode;
}) {
  // Sizes are computed, never measured: a new function when the lines or a choice change them,
  // and the rows' starts are summed again (once per change, not per scroll).
  const size = useCallback(
    (index: number) => {
      const line = lines[index];
      return line ? lineHeight(line, choices) : 0;
    },
    [lines, choices],
  );
  const { scrollRef, items, totalSize } = useVirtualRows<HTMLDivElement>({
    count: lines.length,
    size,
    overscan: LINE_OVERSCAN,
    // Rows on the first render, before the scroll box is observed.
    initialHeight: height,
  });
  return (
    <div ref={scrollRef} className={classes.scroller} style={{ height: Math.min(height, totalSize) }}>
      <div role="list" aria-label={label} className={classes.list} style={{ height: totalSize }}>
        {items.map((item) => {
          const line = lines[item.index];
          if (!line) return null;
          return (
            <div
              key={line.id}
              role="listitem"
              aria-setsize={lines.length}
              aria-posinset={item.index + 1}
              className={classes.row}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {render(line)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
