import type { Page } from '../../api/client';
import type { OfferingMembership } from '../../api/types';
import { csvLine } from '../../lib/csv';

/**
 * Exports every membership matching the filters, all pages, as CSV parts for one Blob.
 *
 * Built for 100,000 rows in a browser tab: each page is turned into one CSV string as soon as
 * it arrives and its objects are dropped, so the heap holds strings only (about the size of the
 * file), never 100,000 parsed objects. Pages are fetched at the largest page size, a few at a
 * time, and kept in page order.
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

export type ExportProgress = { rows: number; total: number };

export type ExportOptions = {
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page<CsvMember>>;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  pageSize?: number;
  concurrency?: number;
};

export type ExportResult = { parts: string[]; rows: number };

const EOL = '\r\n';

/** One flat string per page (join, not +=, so no rope of 300 pieces stays behind). */
function pageChunk(items: readonly CsvMember[]): string {
  return items.length === 0 ? '' : items.map(memberCsvLine).join(EOL) + EOL;
}

export async function exportMembersCsv({
  fetchPage,
  signal,
  onProgress,
  pageSize = 300,
  concurrency = 3,
}: ExportOptions): Promise<ExportResult> {
  signal.throwIfAborted();
  const first = await fetchPage(1, pageSize, signal);
  const total = Math.max(first.total, first.items.length);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A byte order mark, so spreadsheets read the non-ASCII names as UTF-8.
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

/** `members-alpha-hpc-platform-2025-01-06.csv` */
export function exportFileName(offeringName: string, now = new Date()): string {
  const slug =
    offeringName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'offering';
  return `members-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
