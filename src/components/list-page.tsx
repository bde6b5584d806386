import { Alert, Button, Group, List, Progress, Text } from '@mantine/core';
import { ApiError } from '../api/errors';
import type { CsvExportProgress } from '../lib/csv-export';
import { pluralize } from '../lib/format';
import { EmptyState } from './empty-state';
import { ErrorAlert, urlProblem } from './error-alert';
import { PaginationBar } from './pagination-bar';
import { ScrollRegion } from './scroll-region';
import { SelectableTable, type ListColumn, type RowAction } from './selectable-table';
import { TableSkeleton } from './table-skeleton';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** The selection's share that the list page hook keeps. */
export type SelectionState = { count: number; elsewhere: boolean; running: boolean; onClear: () => void };

/** How many selected rows, where (some on other pages), and what can be done with them. */
export function SelectionBar({
  count,
  elsewhere,
  running,
  onClear,
  words,
  checking = false,
  onAction,
  disabledReason,
}: SelectionState & {
  /** `one`: what a row is ("member"); `action`: the bulk button ("Remove selected"). */
  words: { one: string; action: string };
  /** The action is reading something before it asks. */
  checking?: boolean;
  onAction: () => void;
  disabledReason: string | null;
}) {
  if (count === 0) return null;
  return (
    <Group gap="sm" role="group" aria-label="Selection">
      <Text size="sm" aria-live="polite">
        {pluralize(count, words.one)} selected{elsewhere ? ' (on several pages)' : ''}
      </Text>
      <Button variant="subtle" size="xs" onClick={onClear} disabled={running}>
        Clear selection
      </Button>
      <Button color="red" variant="light" onClick={onAction} loading={checking || running} disabled={Boolean(disabledReason)}>
        {words.action}
      </Button>
    </Group>
  );
}

/** The export under way, with a way to stop it. */
export function ExportProgressAlert({
  title,
  progress,
  onCancel,
}: {
  title: string;
  progress: CsvExportProgress | null;
  onCancel: () => void;
}) {
  if (!progress) return null;
  return (
    <Alert color="indigo" variant="light" title={title} role="status">
      <Group gap="sm" wrap="nowrap" align="center">
        <Progress
          style={{ flex: 1 }}
          value={progress.total ? (progress.rows / progress.total) * 100 : 0}
          aria-label="Export progress"
          animated
        />
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {progress.rows.toLocaleString()} of {progress.total.toLocaleString()}
        </Text>
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel export
        </Button>
      </Group>
    </Alert>
  );
}

/** Who a bulk action is about to change, in its confirmation: the first 50, then how many more. */
export function ChosenList<Item extends { uuid: string }>({
  items,
  label,
  moreNoun,
  render,
}: {
  items: readonly Item[];
  label: string;
  /** Singular, after "and N" ("more member"). */
  moreNoun: string;
  render: (item: Item) => React.ReactNode;
}) {
  const shown = items.slice(0, 50);
  return (
    <ScrollRegion label={label} maxHeight={240}>
      <List size="sm" spacing={2} aria-label={label}>
        {shown.map((item) => (
          <List.Item key={item.uuid}>
            <Text size="sm" span style={clip}>
              {render(item)}
            </Text>
          </List.Item>
        ))}
        {items.length > shown.length ? <List.Item>and {pluralize(items.length - shown.length, moreNoun)}</List.Item> : null}
      </List>
    </ScrollRegion>
  );
}

/** The body's share that the list page hook keeps: the query, paging, filters and the table's selection. */
export type ListBodyState<Row> = {
  list: { data?: { items: Row[]; total: number }; error: unknown; refetch: () => unknown };
  paging: { page: number; page_size: number };
  onPaging: (next: { page: number; page_size: number }) => void;
  filtered: boolean;
  /** The server's query parameter names → the page's URL names, for a filter the server refuses. */
  urlFilters: Record<string, string>;
  /** Clears the named URL filters (all of them when none are named) and goes to page 1. */
  clearFilters: (names?: string[]) => void;
  table: { selected: ReadonlySet<string>; onSelect: (rows: Row[], selected: boolean) => void; busy: ReadonlySet<string>; dimmed: boolean };
};

/**
 * A list's words: `noun` plural ("members": "No members match these filters", "You cannot see
 * these members"), `label` the table's name, and what to try when no row matches the filters.
 */
export type ListWords = { noun: string; label: string; noMatchHint: string };

type BodyProps<Row extends CsvRow & { uuid: string }, CsvRow> = {
  body: ListBodyState<Row>;
  words: ListWords;
  /** The empty list with no filters. */
  empty: React.ReactNode;
  /** The table's columns and row actions. */
  table: {
    columns: readonly ListColumn<Row, CsvRow>[];
    rowLabel: (row: Row) => string;
    actions: readonly RowAction<Row>[];
    disabledReason: string | null;
  };
};

/**
 * A list's body: its rows and pagination, or why there are none (with the next action), or
 * its error with what can work (Retry, or Go to page 1 / Clear this filter for a bad URL), or
 * a skeleton while loading. Data first: a failed refetch does not blank rows already shown.
 */
export function ListBody<Row extends CsvRow & { uuid: string }, CsvRow>({ body, words, empty, table }: BodyProps<Row, CsvRow>) {
  const { list, paging, onPaging, filtered, urlFilters, clearFilters } = body;
  if (list.data) {
    if (list.data.total === 0 && list.data.items.length === 0) {
      if (!filtered) return <>{empty}</>;
      return (
        <EmptyState title={`No ${words.noun} match these filters`} description={words.noMatchHint}>
          <Button variant="light" onClick={() => clearFilters()}>
            Clear filters
          </Button>
        </EmptyState>
      );
    }
    return (
      <>
        <SelectableTable label={words.label} noun={words.noun} rows={list.data.items} {...table} {...body.table} />
        <PaginationBar page={paging.page} pageSize={paging.page_size} total={list.data.total} label={words.noun} onChange={onPaging} />
      </>
    );
  }
  if (list.error) {
    const forbidden = list.error instanceof ApiError && list.error.isForbidden;
    const problem = urlProblem(list.error, {
      page: paging.page,
      goToFirstPage: () => onPaging({ page: 1, page_size: paging.page_size }),
      filters: urlFilters,
      clearFilters,
    });
    return (
      <ErrorAlert
        error={list.error}
        title={forbidden ? `You cannot see these ${words.noun}` : problem?.title}
        actions={problem?.actions}
        onRetry={() => void list.refetch()}
      />
    );
  }
  return <TableSkeleton label={`Loading ${words.noun}`} />;
}
