import { mapLimit } from './map-limit';

/**
 * Reads every page of a paginated list: the first page gives the total (X-Result-Count), the
 * rest are fetched a few at a time. For joins that need the whole collection (sync status,
 * "already linked" marks), where the largest page (300) is not enough.
 */
/** The largest page Waldur serves. */
export const MAX_PAGE_SIZE = 300;

export type ListPage<T> = { items: T[]; total: number };

export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<ListPage<T>>,
  {
    pageSize = MAX_PAGE_SIZE,
    concurrency = 4,
    onProgress,
  }: { pageSize?: number; concurrency?: number; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<ListPage<T>> {
  const first = await fetchPage(1, pageSize);
  let loaded = first.items.length;
  onProgress?.(loaded, first.total);
  const pages = Math.max(1, Math.ceil(first.total / pageSize));
  if (pages === 1 || first.items.length < pageSize) return { items: first.items, total: Math.max(first.total, first.items.length) };

  const pageNumbers = Array.from({ length: pages - 1 }, (_, index) => index + 2);
  const rest = await mapLimit(pageNumbers, concurrency, async (page) => {
    const { items } = await fetchPage(page, pageSize);
    loaded += items.length;
    onProgress?.(loaded, first.total);
    return items;
  });
  const items = first.items.concat(...rest);
  return { items, total: first.total };
}
