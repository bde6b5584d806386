import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';
import { downloadText } from '../lib/csv';
import type { CsvExportProgress, CsvExportResult } from '../lib/csv-export';
import { lastPage } from '../lib/fetch-page';
import { pluralize } from '../lib/format';

type ListQuery<Row> = { data?: { items: readonly Row[]; total: number }; isPlaceholderData: boolean };
type Paging = { page: number; page_size: number };
/** The page's URL state setter (`useUrlState`), stable across renders. */
type SetPage = (patch: { page: number }, options: { replace?: boolean }) => void;

/** "Remove selected" under way or done: who was chosen, and each one's outcome as it arrives. */
export type BulkRun<Ref, Outcome> = { items: Ref[]; outcomes: Outcome[]; running: boolean };

/** A page past the end (after removals, or an old bookmark) moves to the last page. */
export function usePageClamp(list: ListQuery<unknown>, paging: Paging, setState: SetPage): void {
  const total = list.data?.total;
  const { page, page_size: pageSize } = paging;
  useEffect(() => {
    if (total === undefined || list.isPlaceholderData) return;
    const last = lastPage(total, pageSize);
    if (page > last) setState({ page: last }, { replace: true });
  }, [total, page, pageSize, list.isPlaceholderData, setState]);
}

type Options<Row, Ref, Outcome, Done> = {
  list: ListQuery<Row>;
  paging: Paging;
  setState: SetPage;
  /** Enough of a row to say, on another page, who it is. */
  toRef: (row: Row) => Ref;
  /** Refetches what a change of rows touches (after a single change and after a bulk run). */
  afterChange: () => Promise<unknown>;
  /** The change of one row (Remove, Delete): its row shows busy meanwhile. */
  rowChange: {
    mutationFn: (ref: Ref) => Promise<Done>;
    /** Says what happened (a notification); the row leaves the selection first, unless `failed`. */
    onSuccess: (done: Done, ref: Ref) => void;
    onError: (error: Error, ref: Ref) => void;
    failed?: (done: Done) => boolean;
  };
  /** Which row an outcome of a bulk run is about, and whether it failed (a failed row stays selected). */
  outcome: { uuid: (outcome: Outcome) => string; failed: (outcome: Outcome) => boolean };
  /** What a row is, singular and plural, for the export's notification ("membership"). */
  exportNoun: string;
};

/**
 * What every list page with a selection shares: the page clamp, the selection across pages,
 * busy rows, the change of one row, a bulk run with its outcomes, and the CSV export of every
 * row matching the filters. The page keeps its query, columns, filters and row actions.
 */
export function useSelectableListPage<Row extends { uuid: string }, Ref extends { uuid: string }, Outcome, Done>({
  list,
  paging,
  setState,
  toRef,
  afterChange,
  rowChange,
  outcome,
  exportNoun,
}: Options<Row, Ref, Outcome, Done>) {
  usePageClamp(list, paging, setState);

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
  const selectedElsewhere = [...selection.keys()].some((uuid) => !list.data?.items.some((row) => row.uuid === uuid));

  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const setRowBusy = useCallback(
    (uuid: string, on: boolean) =>
      setBusy((previous) => {
        const next = new Set(previous);
        if (on) next.add(uuid);
        else next.delete(uuid);
        return next;
      }),
    [],
  );
  const changeRow = useMutation<Done, Error, Ref>({
    mutationFn: rowChange.mutationFn,
    onMutate: (ref) => setRowBusy(ref.uuid, true),
    onSuccess: async (done, ref) => {
      if (!rowChange.failed?.(done)) unselect([ref.uuid]);
      rowChange.onSuccess(done, ref);
      await afterChange();
    },
    onError: (error, ref) => rowChange.onError(error, ref),
    onSettled: (_data, _error, ref) => setRowBusy(ref.uuid, false),
  });

  const [bulk, setBulk] = useState<BulkRun<Ref, Outcome> | null>(null);
  const runBulk = async (chosen: Ref[], run: (onOutcome: (outcome: Outcome) => void) => Promise<Outcome[]>) => {
    setBulk({ items: chosen, outcomes: [], running: true });
    const outcomes = await run((one) => setBulk((previous) => previous && { ...previous, outcomes: [...previous.outcomes, one] }));
    unselect(outcomes.filter((one) => !outcome.failed(one)).map(outcome.uuid));
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
    try {
      const { parts, rows } = await build(controller.signal, setExporting);
      downloadText(fileName(), parts);
      notifications.show({ color: 'teal', title: 'Export ready', message: `${pluralize(rows, exportNoun)} exported to CSV.` });
    } catch (error) {
      if (!controller.signal.aborted) {
        notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(error), autoClose: false });
      }
    } finally {
      exportController.current = null;
      setExporting(null);
    }
  };
  const cancelExport = useCallback(() => exportController.current?.abort(), []);
  useEffect(() => () => exportController.current?.abort(), []);

  return {
    /** The table's share: which rows are selected and busy, and whether it shows an older page. */
    table: { selected: selectedIds, onSelect: select, busy, dimmed: list.isPlaceholderData },
    selection,
    selectedIds,
    selectedElsewhere,
    select,
    unselect,
    clearSelection,
    busy,
    setRowBusy,
    changeRow,
    bulk,
    runBulk,
    dismissBulk: () => setBulk(null),
    exporting,
    runExport,
    cancelExport,
  };
}
