import classes from './plain-table.module.css';

/**
 * A table that looks like Mantine's `<Table striped highlightOnHover>` in its scroll container,
 * for the tables of the first screen. Mantine's Table module carries Table.ScrollContainer,
 * which brings ScrollArea and with it floating-ui (about 25 KB gzip) ahead of the first row,
 * whether or not a table scrolls. Plain elements take the cells' props as they are.
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
