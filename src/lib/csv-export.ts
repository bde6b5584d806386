import { csvLine } from './csv';
import { mapLimit } from './map-limit';

/**
 * Every row of a paginated list as CSV parts for one Blob.
 *
 * Built for 100,000 rows in a browser tab: each page is turned into one CSV string as soon as it
 * arrives and its objects are dropped, so the heap holds strings only (about the size of the
 * file), never the parsed objects. Pages are fetched at the largest page size, a few at a time,
 * and kept in page order. The first part is a byte order mark and the header.
 */
export type CsvExportProgress = { rows: number; total: number };

export type CsvExportResult = { parts: string[]; rows: number };

export type CsvExportOptions<T> = {
  header: readonly string[];
  toLine: (item: T) => string;
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<{ items: T[]; total: number }>;
  signal: AbortSignal;
  onProgress?: (progress: CsvExportProgress) => void;
  pageSize?: number;
  concurrency?: number;
};

const EOL = '\r\n';

export async function exportPagesAsCsv<T>({
  header,
  toLine,
  fetchPage,
  signal,
  onProgress,
  pageSize = 300,
  concurrency = 3,
}: CsvExportOptions<T>): Promise<CsvExportResult> {
  /** One flat string per page (join, not +=, so no rope of 300 pieces stays behind). */
  const pageChunk = (items: readonly T[]): string => (items.length === 0 ? '' : items.map(toLine).join(EOL) + EOL);

  signal.throwIfAborted();
  const first = await fetchPage(1, pageSize, signal);
  const total = Math.max(first.total, first.items.length);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A byte order mark, so spreadsheets read the non-ASCII names as UTF-8.
  const parts: string[] = new Array(pages + 1);
  parts[0] = '\uFEFF' + csvLine(header) + EOL;
  parts[1] = pageChunk(first.items);
  let rows = first.items.length;
  onProgress?.({ rows, total });

  const pageNumbers = Array.from({ length: pages - 1 }, (_, index) => index + 2);
  await mapLimit(pageNumbers, concurrency, async (page) => {
    signal.throwIfAborted();
    const { items } = await fetchPage(page, pageSize, signal);
    parts[page] = pageChunk(items);
    rows += items.length;
    onProgress?.({ rows, total: Math.max(total, rows) });
  });
  signal.throwIfAborted();
  return { parts: parts.filter((part) => part !== undefined), rows };
}
