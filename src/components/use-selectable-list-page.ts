import { t } from '@lingui/core/macro';
import { notifications } from '@mantine/notifications';
import { useMutation, useMutationState, type MutationKey, type UseMutationOptions } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';
import { downloadText } from '../lib/csv';
import type { CsvExportProgress, CsvExportResult } from '../lib/csv-export';
import { formatNumber } from '../lib/format';
import { throttleLatest } from '../lib/throttle-latest';
import { toggled } from '../lib/toggled';
import { useLastPageClamp } from '../lib/use-last-page-clamp';
import type { BulkResult } from './bulk-progress';
import type { ListBodyState, SelectionState } from './list-page';

type ListQuery<Row> = {
  data?: { items: Row[]; total: number };
  isPlaceholderData: boolean;
  error: unknown;
  refetch: () => unknown;
};
type Paging = { page: number; page_size: number };
/** The page's URL state setter (`useUrlState`), stable across renders. */
type SetPage = (patch: { page: number; page_size?: number }, options?: { replace?: boolean }) => void;

/** "Remove selected" under way or done: who was chosen, and each one's outcome as it arrives. */
export type BulkRun<Ref, Outcome> = { items: Ref[]; outcomes: Outcome[]; running: boolean };

/** What `BulkProgress` shows of a run: how far it is, and a line per outcome so far. */
export function bulkProgressOf<Ref, Outcome>(
  run: BulkRun<Ref, Outcome>,
  result: (outcome: Outcome) => BulkResult,
): { running: boolean; total: number; results: BulkResult[] } {
  return { running: run.running, total: run.items.length, results: run.outcomes.map(result) };
}

/**
 * The page's form: editing a row (kept here), or adding (`add=1` in the URL, so a link or a
 * sign-in round trip opens it), for who may add (the page tells who may not why).
 */
export function useListForm<Edit>(
  add: string,
  setState: (patch: { add: string }, options?: { replace?: boolean }) => void,
  mayAdd: boolean,
) {
  const [editing, setEditing] = useState<Edit | null>(null);
  return {
    editing,
    edit: setEditing,
    adding: !editing && add === '1' && mayAdd,
    openAdd: () => setState({ add: '1' }),
    close: () => {
      if (editing) setEditing(null);
      else setState({ add: '' }, { replace: true });
    },
  };
}

type Options<Row, Ref, Outcome, Done, Filters> = {
  list: ListQuery<Row>;
  paging: Paging;
  setState: (patch: NoInfer<Partial<Filters & Paging>>, options?: { replace?: boolean }) => void;
  /** Enough of a row to say, on another page, who it is. */
  toRef: (row: Row) => Ref;
  /** Refetches what a bulk run touched (a single change says it in its mutation's meta.invalidates). */
  afterChange: () => Promise<unknown>;
  /** The change of one row (Remove, Delete): its row shows busy while it is pending. */
  rowChange: {
    /** From the page's mutationOptions factory: its key finds the busy rows in the mutation cache. */
    mutation: UseMutationOptions<Done, Error, Ref> & { mutationKey: MutationKey };
    /** Says what happened (a notification); the row leaves the selection first, unless `failed`. */
    onSuccess: (done: Done, ref: Ref) => void;
    /** The title of the notification that says why the change failed ("Could not remove alice"). */
    failedTitle: (ref: Ref) => string;
    failed?: (done: Done) => boolean;
  };
  /** Which row an outcome of a bulk run is about (a failed row stays selected). */
  outcomeUuid: (outcome: Outcome) => string;
  /**
   * How many rows were exported, with their noun, plural-aware ("33 memberships"); the number
   * alone without it. `exportNoun` is no longer read (a noun cannot be put in a sentence in every
   * language); kept for pages passing it.
   */
  exportCount?: (count: number) => string;
  exportNoun?: string;
  /**
   * Whether any filter is set; every filter at its empty value (for Clear filters, and Clear
   * this filter for one the server refuses); a filter's name on the server where it is not the
   * URL's (`group` is sent as `group_uuid`).
   */
  filters: { filtered: boolean; none: Filters; serverNames: Partial<Record<keyof Filters & string, string>> };
};

/**
 * What every list page with a selection shares: the page clamp, the selection across pages,
 * busy rows, the change of one row, a bulk run with its outcomes, and the CSV export of every
 * row matching the filters. The page keeps its query, columns, filters and row actions.
 */
export function useSelectableListPage<
  Row extends { uuid: string },
  Ref extends { uuid: string },
  Outcome extends { status: string },
  Done,
  Filters extends Record<string, unknown>,
>({
  list,
  paging,
  setState,
  toRef,
  afterChange,
  rowChange,
  outcomeUuid,
  exportCount,
  filters: { filtered, none: noFilters, serverNames },
}: Options<Row, Ref, Outcome, Done, Filters>) {
  // The URL state holds the filters and the paging; TypeScript cannot see `{ page }` as a Partial<Filters & Paging>.
  const setPaging = setState as SetPage;
  useLastPageClamp(list, paging, setPaging);

  const urlFilters = Object.fromEntries(Object.keys(noFilters).map((name) => [serverNames[name as keyof Filters & string] ?? name, name]));
  const clearFilters = (names?: string[]) =>
    setState({
      ...(names ? (Object.fromEntries(names.map((name) => [name, noFilters[name]])) as Partial<Filters>) : noFilters),
      page: 1,
    } as Partial<Filters & Paging>);

  // Selection across pages: enough of each row to say who it is.
  const [selection, setSelection] = useState<ReadonlyMap<string, Ref>>(new Map());
  const selectedIds = useMemo(() => new Set(selection.keys()), [selection]);
  const select = useCallback(
    (rows: Row[], on: boolean) => {
      setSelection((previous) => {
        const next = new Map(previous);
        for (const row of rows) {
          if (on) next.set(row.uuid, toRef(row));
          else next.delete(row.uuid);
        }
        return next;
      });
    },
    [toRef],
  );
  const unselect = useCallback((uuids: Iterable<string>) => {
    setSelection((previous) => {
      const next = new Map(previous);
      for (const uuid of uuids) next.delete(uuid);
      return next;
    });
  }, []);
  const clearSelection = useCallback(() => setSelection(new Map()), []);

  // A row is busy while its change is pending (the mutation cache says, refetch included), or
  // while the page reads what to ask before confirming one (`checkRow`: no write yet).
  const pendingRows = useMutationState({
    filters: { mutationKey: rowChange.mutation.mutationKey, status: 'pending' },
    select: (mutation) => (mutation.state.variables as Ref | undefined)?.uuid ?? '',
  });
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const busy = useMemo(() => new Set([...pendingRows, ...checking]), [pendingRows, checking]);
  const checkRow = useCallback(async <T>(uuid: string, read: () => Promise<T>): Promise<T> => {
    setChecking((previous) => toggled(previous, uuid, true));
    try {
      return await read();
    } finally {
      setChecking((previous) => toggled(previous, uuid, false));
    }
  }, []);
  const changeRow = useMutation<Done, Error, Ref>({
    ...rowChange.mutation,
    onSuccess: (done, ref) => {
      if (!rowChange.failed?.(done)) unselect([ref.uuid]);
      rowChange.onSuccess(done, ref);
    },
    onError: (error, ref) => {
      notifications.show({ color: 'red', title: rowChange.failedTitle(ref), message: errorMessage(error), autoClose: false });
    },
  });

  const [bulk, setBulk] = useState<BulkRun<Ref, Outcome> | null>(null);
  const runBulk = async (chosen: Ref[], run: (onOutcome: (outcome: Outcome) => void) => Promise<Outcome[]>) => {
    setBulk({ items: chosen, outcomes: [], running: true });
    const outcomes = await run((one) => setBulk((previous) => previous && { ...previous, outcomes: [...previous.outcomes, one] }));
    unselect(outcomes.filter((one) => one.status !== 'failed').map(outcomeUuid));
    await afterChange();
    setBulk((previous) => previous && { ...previous, running: false });
  };

  // Export CSV: every row matching the filters, all pages; cancelled when the page goes.
  const [exporting, setExporting] = useState<CsvExportProgress | null>(null);
  const exportController = useRef<AbortController | null>(null);
  const runExport = async (
    build: (signal: AbortSignal, onProgress: (progress: CsvExportProgress) => void) => Promise<CsvExportResult>,
    fileName: () => string,
  ) => {
    const controller = new AbortController();
    exportController.current = controller;
    setExporting({ rows: 0, total: list.data?.total ?? 0 });
    // Ten progress renders a second at most: the whole list page renders with each.
    const progress = throttleLatest(setExporting, 100);
    try {
      const { parts, rows } = await build(controller.signal, progress.call);
      downloadText(fileName(), parts);
      const exported = exportCount ? exportCount(rows) : formatNumber(rows);
      notifications.show({ color: 'teal', title: t`Export ready`, message: t`${exported} exported to CSV.` });
    } catch (error) {
      if (!controller.signal.aborted) {
        notifications.show({ color: 'red', title: t`Could not export`, message: errorMessage(error), autoClose: false });
      }
    } finally {
      progress.cancel();
      exportController.current = null;
      setExporting(null);
    }
  };
  const cancelExport = useCallback(() => exportController.current?.abort(), []);
  useEffect(() => () => exportController.current?.abort(), []);

  const body: ListBodyState<Row> = {
    list,
    paging,
    onPaging: setPaging,
    filtered,
    urlFilters,
    clearFilters,
    table: { selected: selectedIds, onSelect: select, busy, dimmed: list.isPlaceholderData },
  };
  const selectionBar: SelectionState = {
    count: selection.size,
    elsewhere: [...selection.keys()].some((uuid) => !list.data?.items.some((row) => row.uuid === uuid)),
    running: Boolean(bulk?.running),
    onClear: clearSelection,
  };

  return {
    /** For `ListBody`: the rows, paging and filters, and the table's selection and busy rows. */
    body,
    /** For `SelectionBar`. */
    selectionBar,
    clearFilters,
    selection,
    checkRow,
    changeRow,
    bulk,
    runBulk,
    dismissBulk: () => setBulk(null),
    exporting,
    runExport,
    cancelExport,
  };
}
