import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, List, Progress, Text } from '@mantine/core';
import { ApiError } from '../api/errors';
import type { CsvExportProgress } from '../lib/csv-export';
import { formatNumber } from '../lib/format';
import { EmptyState } from './empty-state';
import { ErrorAlert, urlProblem } from './error-alert';
import { PaginationBar } from './pagination-bar';
import { ScrollRegion } from './scroll-region';
import { SelectableTable, type ListColumn, type RowAction } from './selectable-table';
import { TableSkeleton } from './table-skeleton';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/**
 * A count with its noun, plural-aware in the app's language ("1 member", "33 members"): the
 * feature writes it as an ICU plural, e.g. `(n) => t(plural(n, { one: '# member', other: '# members' }))`.
 */
export type CountWords = (count: number) => string;

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
  /**
   * `action`: the bulk button ("Remove selected"); `count`: how many rows, with their noun
   * ("3 members"; without it, the number alone). `one` is no longer read (a noun cannot be
   * put in a sentence in every language); kept so that pages passing it keep working.
   */
  words: { one?: string; action: string; count?: CountWords };
  /** The action is reading something before it asks. */
  checking?: boolean;
  onAction: () => void;
  disabledReason: string | null;
}) {
  const { t } = useLingui();
  if (count === 0) return null;
  const chosen = words.count ? words.count(count) : formatNumber(count);
  return (
    <Group gap="sm" role="group" aria-label={t`Selection`}>
      <Text size="sm" aria-live="polite">
        {elsewhere ? t`${chosen} selected (on several pages)` : t`${chosen} selected`}
      </Text>
      <Button variant="subtle" size="xs" onClick={onClear} disabled={running}>
        <Trans>Clear selection</Trans>
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
  const { t } = useLingui();
  if (!progress) return null;
  const rows = formatNumber(progress.rows);
  const total = formatNumber(progress.total);
  return (
    <Alert color="indigo" variant="light" title={title} role="status">
      <Group gap="sm" wrap="nowrap" align="center">
        <Progress
          style={{ flex: 1 }}
          value={progress.total ? (progress.rows / progress.total) * 100 : 0}
          aria-label={t`Export progress`}
          animated
        />
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Trans>
            {rows} of {total}
          </Trans>
        </Text>
        <Button size="xs" variant="default" onClick={onCancel}>
          <Trans>Cancel export</Trans>
        </Button>
      </Group>
    </Alert>
  );
}

/** Who a bulk action is about to change, in its confirmation: the first 50, then how many more. */
export function ChosenList<Item extends { uuid: string }>({
  items,
  label,
  more,
  render,
}: {
  items: readonly Item[];
  label: string;
  /** The rest past the first 50, plural-aware ("and 3 more members"); without it, "and 3 more". */
  more?: CountWords;
  /** No longer read (a noun cannot be put in a sentence in every language); kept for pages passing it. */
  moreNoun?: string;
  render: (item: Item) => React.ReactNode;
}) {
  const { t } = useLingui();
  const shown = items.slice(0, 50);
  const rest = items.length - shown.length;
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
        {rest > 0 ? <List.Item>{more ? more(rest) : t`${plural(rest, { one: 'and # more', other: 'and # more' })}`}</List.Item> : null}
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
 * A list's words: `label` the table's name, and what to try when no row matches the filters.
 * The rest are whole messages or plural-aware counts, since a noun cannot be put into a sentence
 * in every language: `count` for "1–10 of 33 members", `noMatch` ("No members match these
 * filters"), `forbidden` ("You cannot see these members"), `loading` ("Loading members") and
 * `selectAll` ("Select all members on this page"). Without one, a sentence without the noun
 * stands in ("1–10 of 33", "No rows match these filters"). `noun` is no longer read; kept so that
 * pages passing it keep working.
 */
export type ListWords = {
  noun?: string;
  label: string;
  noMatchHint: string;
  count?: CountWords;
  noMatch?: string;
  forbidden?: string;
  loading?: string;
  selectAll?: string;
};

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
  const { t } = useLingui();
  const { list, paging, onPaging, filtered, urlFilters, clearFilters } = body;
  if (list.data) {
    if (list.data.total === 0 && list.data.items.length === 0) {
      if (!filtered) return <>{empty}</>;
      return (
        <EmptyState title={words.noMatch ?? t`No rows match these filters`} description={words.noMatchHint}>
          <Button variant="light" onClick={() => clearFilters()}>
            <Trans>Clear filters</Trans>
          </Button>
        </EmptyState>
      );
    }
    return (
      <>
        <SelectableTable label={words.label} selectAllLabel={words.selectAll} rows={list.data.items} {...table} {...body.table} />
        <PaginationBar page={paging.page} pageSize={paging.page_size} total={list.data.total} count={words.count} onChange={onPaging} />
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
        title={forbidden ? (words.forbidden ?? t`You cannot see this list`) : problem?.title}
        actions={problem?.actions}
        onRetry={() => void list.refetch()}
      />
    );
  }
  return <TableSkeleton label={words.loading} />;
}
