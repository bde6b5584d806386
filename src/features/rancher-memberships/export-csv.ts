import type { Page } from '../../api/client';
import type { RancherMembership } from '../../api/types';
import { csvLine } from '../../lib/csv';

/**
 * Every membership matching the filters, all pages, as CSV parts for one Blob. Each page becomes
 * one string as soon as it arrives (the heap holds text, not objects); pages are fetched at the
 * largest size, a few at a time, and kept in page order.
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

export type ExportProgress = { rows: number; total: number };

const EOL = '\r\n';

function pageChunk(items: readonly CsvMembership[]): string {
  return items.length === 0 ? '' : items.map(membershipCsvLine).join(EOL) + EOL;
}

export async function exportMembershipsCsv({
  fetchPage,
  signal,
  onProgress,
  pageSize = 300,
  concurrency = 3,
}: {
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page<CsvMembership>>;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  pageSize?: number;
  concurrency?: number;
}): Promise<{ parts: string[]; rows: number }> {
  signal.throwIfAborted();
  const first = await fetchPage(1, pageSize, signal);
  const total = Math.max(first.total, first.items.length);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A byte order mark, so spreadsheets read non-ASCII names as UTF-8.
  const parts: string[] = new Array(pages + 1);
  parts[0] = '\uFEFF' + csvLine(CSV_HEADER) + EOL;
  parts[1] = pageChunk(first.items);
  let rows = first.items.length;
  onProgress?.({ rows, total });

  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      signal.throwIfAborted();
      const page = next;
      next += 1;
      const { items } = await fetchPage(page, pageSize, signal);
      parts[page] = pageChunk(items);
      rows += items.length;
      onProgress?.({ rows, total: Math.max(total, rows) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pages - 1) }, worker));
  signal.throwIfAborted();
  return { parts: parts.filter((part) => part !== undefined), rows };
}

/** `rancher-memberships-2025-01-06.csv` */
export function exportFileName(now = new Date()): string {
  return `rancher-memberships-${now.toISOString().slice(0, 10)}.csv`;
}
