import { Box, Table } from '@mantine/core';
import { useCallback } from 'react';
import { useVirtualRows } from '../lib/use-virtual-rows';

/** Below this many rows a table is drawn whole; above, only the rows in view are. */
export const VIRTUALISE_ABOVE = 60;

type Props = {
  count: number;
  columns: number;
  /** Height of a row, for the scrollbar before rows are measured. */
  estimateRowHeight: number;
  label: string;
  head: React.ReactNode;
  row: (index: number) => React.ReactNode;
  /**
   * A key for the row at `index` (default: the index). With keys that follow the rows, a row
   * that moves (rows inserted above it) keeps its element, so a memoized row is not redrawn.
   */
  rowKey?: (index: number) => string | number;
  maxHeight?: number;
  /**
   * Only the rows in view even while the table is short: for a table that grows while it is
   * shown (a running check), whose first rows would otherwise all be drawn in one go.
   */
  alwaysVirtual?: boolean;
};

/** The default row key; one function, so that the rows' starts are not summed again on every render. */
const byIndex = (index: number) => index;

/**
 * A table that stays fast with thousands of rows: when long, it scrolls inside a box and only
 * the rows in view exist, with spacer rows keeping the scrollbar honest. Rows are real table
 * rows, so roles and names stay what assistive technology expects.
 */
export function VirtualTable({
  count,
  columns,
  estimateRowHeight,
  label,
  head,
  row,
  rowKey = byIndex,
  maxHeight = 560,
  alwaysVirtual = false,
}: Props) {
  const virtual = alwaysVirtual || count > VIRTUALISE_ABOVE;
  const estimate = useCallback(() => estimateRowHeight, [estimateRowHeight]);
  const { scrollRef, items, totalSize, measureRow } = useVirtualRows<HTMLDivElement>({
    count: virtual ? count : 0,
    size: estimate,
    overscan: 6,
    initialHeight: maxHeight,
    rowKey,
    measured: true,
  });
  const indexes = virtual ? items.map((item) => item.index) : Array.from({ length: count }, (_, index) => index);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtual ? totalSize - (items[items.length - 1]?.end ?? 0) : 0;

  const table = (
    <Table aria-label={label} aria-rowcount={count + 1} stickyHeader={virtual} verticalSpacing="xs" layout="fixed" miw={720}>
      <Table.Thead>{head}</Table.Thead>
      <Table.Tbody>
        {paddingTop > 0 ? (
          <tr aria-hidden="true">
            <td colSpan={columns} style={{ height: paddingTop, padding: 0, border: 0 }} />
          </tr>
        ) : null}
        {indexes.map((index) => (
          <VirtualRowSlot key={rowKey(index)} index={index} measure={virtual ? measureRow : undefined}>
            {row(index)}
          </VirtualRowSlot>
        ))}
        {paddingBottom > 0 ? (
          <tr aria-hidden="true">
            <td colSpan={columns} style={{ height: paddingBottom, padding: 0, border: 0 }} />
          </tr>
        ) : null}
      </Table.Tbody>
    </Table>
  );

  return (
    <Box
      ref={scrollRef}
      // Relative: visually hidden (absolutely placed) header text must stay inside the scroll box.
      style={{
        position: 'relative',
        overflowX: 'auto',
        overflowY: virtual ? 'auto' : 'hidden',
        maxHeight: virtual ? maxHeight : undefined,
      }}
    >
      {table}
    </Box>
  );
}

/** Lets the table measure the row the caller draws (rows grow with error messages). */
function VirtualRowSlot({
  index,
  measure,
  children,
}: {
  index: number;
  measure?: (node: HTMLElement | null) => (() => void) | undefined;
  children: React.ReactNode;
}) {
  return (
    <Box component="tr" data-index={index} aria-rowindex={index + 2} ref={measure} style={{ verticalAlign: 'top' }}>
      {children}
    </Box>
  );
}
