import { csvHeader, csvLineOf } from '../../components/selectable-table';
import { csvFileName } from '../../lib/csv';
import { exportPagesAsCsv, type CsvExportOptions, type CsvExportProgress, type CsvExportResult } from '../../lib/csv-export';
import { membershipColumns, type CsvMembership } from './membership-columns';

/**
 * Every membership matching the filters, all pages, as CSV parts for one Blob (the paging and
 * memory habits are in src/lib/csv-export.ts). The columns are the table's.
 */
const COLUMNS = membershipColumns(undefined);

export const CSV_HEADER = csvHeader(COLUMNS);

export const membershipCsvLine: (membership: CsvMembership) => string = csvLineOf(COLUMNS);

export type ExportProgress = CsvExportProgress;

export function exportMembershipsCsv(options: Omit<CsvExportOptions<CsvMembership>, 'header' | 'toLine'>): Promise<CsvExportResult> {
  return exportPagesAsCsv({ ...options, header: CSV_HEADER, toLine: membershipCsvLine });
}

/** `rancher-memberships-2025-01-06.csv` */
export function exportFileName(now = new Date()): string {
  return csvFileName('rancher-memberships', null, now);
}
