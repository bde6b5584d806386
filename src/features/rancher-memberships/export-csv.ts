import type { Page } from '../../api/client';
import type { RancherMembership } from '../../api/types';
import { csvFileName, csvLine } from '../../lib/csv';
import { exportPagesAsCsv, type CsvExportProgress } from '../../lib/csv-export';

/**
 * Every membership matching the filters, all pages, as CSV parts for one Blob (the paging and
 * memory habits are in src/lib/csv-export.ts).
 */
export const CSV_HEADER = [
  'Username',
  'First name',
  'Last name',
  'Email',
  'Group',
  'Role',
  'Scope type',
  'Scope',
  'State',
  'Error',
  'Created',
  'Last checked',
  'Membership UUID',
] as const;

type CsvMembership = Pick<
  RancherMembership,
  | 'uuid'
  | 'username'
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'group_name'
  | 'group_role'
  | 'group_scope_type'
  | 'group_scope_name'
  | 'state'
  | 'error_message'
  | 'created'
  | 'last_checked'
>;

export function membershipCsvLine(membership: CsvMembership): string {
  return csvLine([
    membership.username,
    membership.first_name,
    membership.last_name,
    membership.email,
    membership.group_name,
    membership.group_role,
    membership.group_scope_type,
    membership.group_scope_name ?? '',
    membership.state,
    membership.error_message,
    membership.created,
    membership.last_checked,
    membership.uuid,
  ]);
}

export type ExportProgress = CsvExportProgress;

export function exportMembershipsCsv(options: {
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page<CsvMembership>>;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  pageSize?: number;
  concurrency?: number;
}): Promise<{ parts: string[]; rows: number }> {
  return exportPagesAsCsv({ ...options, header: CSV_HEADER, toLine: membershipCsvLine });
}

/** `rancher-memberships-2025-01-06.csv` */
export function exportFileName(now = new Date()): string {
  return csvFileName('rancher-memberships', null, now);
}
