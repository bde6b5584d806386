import classes from './plain-table.module.css';

/**
 * A table that looks like Mantine's `<Table striped highlightOnHover>` in its scroll container,
 * for the tables of the first screen. What it saves: Mantine's Table module carries
 * Table.ScrollContainer, which brings ScrollArea and floating-ui: 21 KB gzip more before the
 * first usable groups row (landing chunk 29 → 50 KB), about 100 ms of it on the benchmark's slow
 * link (200 KB/s), where that figure already misses its target. Plain elements take the cells'
 * props as they are.
 */
export function PlainTable({
  minWidth,
  children,
  ...props
}: React.ComponentProps<'table'> & {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}) {
  return (
    <div className={classes.scroll}>
      <table {...props} className={classes.table} style={{ minWidth, ...props.style }}>
        {children}
      </table>
    </div>
  );
}
