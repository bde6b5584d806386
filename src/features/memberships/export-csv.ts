import type { Page } from '../../api/client';
import type { OfferingMembership } from '../../api/types';
import { csvFileName, csvLine } from '../../lib/csv';
import { exportPagesAsCsv, type CsvExportProgress, type CsvExportResult } from '../../lib/csv-export';

/**
 * Exports every membership matching the filters, all pages, as CSV parts for one Blob
 * (the paging and memory habits are in src/lib/csv-export.ts).
 */
export const CSV_HEADER = [
  'Username',
  'First name',
  'Last name',
  'Email',
  'Group',
  'Role',
  'Resource',
  'Scope ID',
  'State',
  'Error',
  'Created',
  'Last checked',
  'Membership UUID',
] as const;

type CsvMember = Pick<
  OfferingMembership,
  | 'uuid'
  | 'username'
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'group_name'
  | 'group_role_name'
  | 'group_resource_name'
  | 'group_scope_id'
  | 'state'
  | 'error_message'
  | 'created'
  | 'last_checked'
>;

export function memberCsvLine(member: CsvMember): string {
  return csvLine([
    member.username,
    member.first_name,
    member.last_name,
    member.email,
    member.group_name,
    member.group_role_name,
    member.group_resource_name ?? '',
    member.group_scope_id,
    member.state,
    member.error_message,
    member.created,
    member.last_checked,
    member.uuid,
  ]);
}

export type ExportProgress = CsvExportProgress;

export type ExportOptions = {
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page<CsvMember>>;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  pageSize?: number;
  concurrency?: number;
};

export type ExportResult = CsvExportResult;

export function exportMembersCsv(options: ExportOptions): Promise<ExportResult> {
  return exportPagesAsCsv({ ...options, header: CSV_HEADER, toLine: memberCsvLine });
}

/** `members-alpha-hpc-platform-2025-01-06.csv` */
export function exportFileName(offeringName: string, now = new Date()): string {
  return csvFileName('members', offeringName, now);
}
