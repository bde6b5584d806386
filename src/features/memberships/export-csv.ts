import { csvHeader, csvLineOf } from '../../components/selectable-table';
import { csvFileName } from '../../lib/csv';
import { exportPagesAsCsv, type CsvExportOptions, type CsvExportProgress, type CsvExportResult } from '../../lib/csv-export';
import { MEMBER_COLUMNS, type CsvMember } from './member-columns';

/**
 * Exports every membership matching the filters, all pages, as CSV parts for one Blob
 * (the paging and memory habits are in src/lib/csv-export.ts). The columns are the table's.
 */
export const CSV_HEADER = csvHeader(MEMBER_COLUMNS);

export const memberCsvLine: (member: CsvMember) => string = csvLineOf(MEMBER_COLUMNS);

export type ExportProgress = CsvExportProgress;

export type ExportOptions = Omit<CsvExportOptions<CsvMember>, 'header' | 'toLine'>;

export type ExportResult = CsvExportResult;

export function exportMembersCsv(options: ExportOptions): Promise<ExportResult> {
  return exportPagesAsCsv({ ...options, header: CSV_HEADER, toLine: memberCsvLine });
}

/** `members-alpha-hpc-platform-2025-01-06.csv` */
export function exportFileName(offeringName: string, now = new Date()): string {
  return csvFileName('members', offeringName, now);
}
