import { ApiError } from '../api/errors';
import type { ListPage } from './fetch-all-pages';

/** Reads one page of a list; the table (through `fetchPage`) and the CSV export share it. */
export type PageReader<T> = (page: number, pageSize: number, signal?: AbortSignal) => Promise<ListPage<T>>;

/** A page of a list, or an empty page past the end with the list's real total. */
export type PageOrPastEnd<T> = ListPage<T> & { pastEnd: boolean };

/**
 * Reads one page of a list. Waldur answers 404 "Invalid page." for a page past the end (the
 * last rows were just deleted, or an old bookmark): that is not an error to show, so the
 * count is read instead and the page comes back empty with the real total. The table then
 * moves to the last page that exists (`lastPage`), with no failed request on screen.
 */
export async function fetchPage<T>(
  read: (page: number, pageSize: number) => Promise<ListPage<T>>,
  page: number,
  pageSize: number,
): Promise<PageOrPastEnd<T>> {
  try {
    return { ...(await read(page, pageSize)), pastEnd: false };
  } catch (error) {
    if (page <= 1 || !(error instanceof ApiError) || !error.isNotFound) throw error;
    const { total } = await read(1, 1);
    return { items: [], total, pastEnd: true };
  }
}

/** The last page a list of `total` rows has (1 when it is empty). */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
