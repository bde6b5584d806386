import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { ActionIcon, Checkbox, Loader, Menu, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { csvLine } from '../lib/csv';
import { personName } from '../lib/person-fields';
import { formatDateTime } from '../lib/format';
import { StateBadge } from './state-badge';
import { Bdi } from './bidi-text';
import { isolate } from '../lib/bidi';

/** One CSV column: its header and its value for a row. */
export type CsvCell<CsvRow> = readonly [header: string, value: (row: CsvRow) => string | null | undefined];

/**
 * One column of a list: its table header and cell, and the CSV columns it stands for (a column
 * with no header is in the CSV only). The CSV reads a narrower row (`CsvRow`) than the table, so
 * the export can be tested on the fields it writes.
 */
export type ListColumn<Row extends CsvRow, CsvRow = Row> = {
  header?: string;
  width?: string | number;
  cell?: (row: Row) => React.ReactNode;
  csv?: readonly CsvCell<CsvRow>[];
};

export function csvHeader<CsvRow>(columns: readonly ListColumn<never, CsvRow>[]): string[] {
  return columns.flatMap((column) => (column.csv ?? []).map(([header]) => header));
}

export function csvLineOf<CsvRow>(columns: readonly ListColumn<never, CsvRow>[]): (row: CsvRow) => string {
  const cells = columns.flatMap((column) => (column.csv ?? []).map(([, value]) => value));
  return (row) => csvLine(cells.map((value) => value(row) ?? ''));
}

/** A row's menu entry; `shown` leaves it out for rows it does not apply to. */
export type RowAction<Row> = {
  label: string;
  onClick: (row: Row) => void;
  color?: string;
  shown?: (row: Row) => boolean;
};

type Props<Row extends CsvRow & { uuid: string }, CsvRow> = {
  /** The table's accessible name. */
  label: string;
  /** The select-all checkbox's name ("Select all members on this page"); "Select all rows on this page" without it. */
  selectAllLabel?: string;
  rows: readonly Row[];
  columns: readonly ListColumn<Row, CsvRow>[];
  /** Who and where, for the row's checkbox and menu ("alice in physics"). */
  rowLabel: (row: Row) => string;
  selected: ReadonlySet<string>;
  onSelect: (rows: Row[], selected: boolean) => void;
  actions: readonly RowAction<Row>[];
  /** Why the row actions are disabled; null when allowed. */
  disabledReason: string | null;
  /** Rows being changed or checked. */
  busy: ReadonlySet<string>;
  dimmed: boolean;
  minWidth?: number;
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** One page of a list with a checkbox and an actions menu per row; the selection survives paging (kept by the page). */
export function SelectableTable<Row extends CsvRow & { uuid: string }, CsvRow>({
  label,
  selectAllLabel,
  rows,
  columns,
  rowLabel,
  selected,
  onSelect,
  actions,
  disabledReason,
  busy,
  dimmed,
  minWidth = 1080,
}: Props<Row, CsvRow>) {
  const { t } = useLingui();
  const shownColumns = columns.filter((column) => column.header !== undefined);
  const onPage = rows.filter((row) => selected.has(row.uuid)).length;
  const all = rows.length > 0 && onPage === rows.length;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        striped
        highlightOnHover
        layout="fixed"
        verticalSpacing={6}
        aria-label={label}
        style={{ opacity: dimmed ? 0.6 : 1 }}
        aria-busy={dimmed}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={selectAllLabel ?? t`Select all rows on this page`}
                checked={all}
                indeterminate={onPage > 0 && !all}
                onChange={() => onSelect([...rows], !all)}
              />
            </Table.Th>
            {shownColumns.map((column) => (
              <Table.Th key={column.header} w={column.width}>
                {column.header}
              </Table.Th>
            ))}
            <Table.Th w={48}>
              <VisuallyHidden>
                <Trans>Actions</Trans>
              </VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const isSelected = selected.has(row.uuid);
            const who = isolate(rowLabel(row));
            return (
              <Table.Tr key={row.uuid} bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={t`Select ${who}`}
                    checked={isSelected}
                    onChange={(event) => onSelect([row], event.currentTarget.checked)}
                  />
                </Table.Td>
                {shownColumns.map((column) => (
                  <Table.Td key={column.header}>{column.cell?.(row)}</Table.Td>
                ))}
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      {/* Busy, not `loading`: a disabled trigger would drop the focus (to <body>) while a
                          row's confirmation gets ready, and the dialog would give it back there. */}
                      <ActionIcon variant="subtle" aria-label={t`Actions for ${who}`} aria-busy={busy.has(row.uuid)}>
                        {busy.has(row.uuid) ? <Loader size={14} aria-hidden="true" /> : <span aria-hidden="true">⋯</span>}
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {actions
                        .filter((action) => action.shown?.(row) ?? true)
                        .map((action) => (
                          <DisabledHint key={action.label} reason={disabledReason}>
                            <Menu.Item color={action.color} disabled={Boolean(disabledReason)} onClick={() => action.onClick(row)}>
                              {action.label}
                            </Menu.Item>
                          </DisabledHint>
                        ))}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DisabledHint({ reason, children }: { reason: string | null; children: React.ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip label={reason} multiline w={260} position="left">
      <div>{children}</div>
    </Tooltip>
  );
}

/** The fields every membership list shows of its person and its state. */
export type PersonRow = {
  uuid: string;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  state: string;
  error_message: string;
  error_traceback?: string;
  created: string;
  last_checked: string;
};

/** What the CSV writes of a person and a state. */
export type CsvPerson = Omit<PersonRow, 'error_traceback'>;

/** A column of one text (names are isolated, for right-to-left text), the same in the CSV. */
export function textColumn<Row>(
  header: string,
  width: string,
  value: (row: Row) => string,
  { mono = false }: { mono?: boolean } = {},
): ListColumn<Row> {
  return {
    header,
    width,
    cell: (row) => (
      <Text size={mono ? 'xs' : 'sm'} ff={mono ? 'monospace' : undefined} style={clip} lineClamp={2} title={value(row)}>
        <Bdi>{value(row)}</Bdi>
      </Text>
    ),
    csv: [[header, value]],
  };
}

/**
 * User (name over username) and Email; in the CSV: username, first name, last name, email. The
 * table's headers are getters, translated when the table reads them; the CSV's column names stay
 * English (scripts read them).
 */
export function personColumns(widths: { user: string; email: string }): ListColumn<PersonRow, CsvPerson>[] {
  return [
    {
      get header() {
        return t`User`;
      },
      width: widths.user,
      cell: (row) => {
        const name = personName(row);
        return (
          <>
            <Text size="sm" fw={500} style={clip} lineClamp={2} title={name || row.username}>
              <Bdi>{name || row.username}</Bdi>
            </Text>
            {name ? (
              <Text size="xs" c="dimmed" style={clip} lineClamp={1} title={row.username}>
                <Bdi>{row.username}</Bdi>
              </Text>
            ) : null}
          </>
        );
      },
      // The CSV's column names stay English (scripts read them).
      csv: [
        ['Username', (row) => row.username],
        ['First name', (row) => row.first_name],
        // A CSV column name: stays English (scripts read it).
        ['Last name', (row) => row.last_name],
      ],
    },
    {
      get header() {
        return t`Email`;
      },
      width: widths.email,
      cell: (row) => (
        <Text size="sm" truncate="end" title={row.email}>
          {row.email || '—'}
        </Text>
      ),
      csv: [['Email', (row) => row.email]],
    },
  ];
}

/** State (with the error), then the CSV's Created, Last checked, and the membership's UUID last. */
export function stateColumns(widths: { state: string; lastChecked: string }): ListColumn<PersonRow, CsvPerson>[] {
  return [
    {
      get header() {
        return t`State`;
      },
      width: widths.state,
      cell: (row) => <StateBadge state={row.state} errorMessage={row.error_message} errorTraceback={row.error_traceback} />,
      // The CSV's column names stay English (scripts read them).
      csv: [
        ['State', (row) => row.state],
        ['Error', (row) => row.error_message],
      ],
    },
    { csv: [['Created', (row) => row.created]] },
    {
      get header() {
        return t`Last checked`;
      },
      width: widths.lastChecked,
      cell: (row) => <Text size="sm">{formatDateTime(row.last_checked)}</Text>,
      // The CSV's column name stays English (scripts read it).
      csv: [['Last checked', (row) => row.last_checked]],
    },
    // The CSV's column name stays English (scripts read it).
    { csv: [['Membership UUID', (row) => row.uuid]] },
  ];
}
