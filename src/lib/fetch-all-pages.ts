/**
 * Reads every page of a paginated list: the first page gives the total (X-Result-Count), the
 * rest are fetched a few at a time. For joins that need the whole collection (sync status,
 * "already linked" marks), where the largest page (300) is not enough.
 */
export type ListPage<T> = { items: T[]; total: number };

export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<ListPage<T>>,
  {
    pageSize = 300,
    concurrency = 4,
    onProgress,
  }: { pageSize?: number; concurrency?: number; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<ListPage<T>> {
  const first = await fetchPage(1, pageSize);
  let loaded = first.items.length;
  onProgress?.(loaded, first.total);
  const pages = Math.max(1, Math.ceil(first.total / pageSize));
  if (pages === 1 || first.items.length < pageSize) return { items: first.items, total: Math.max(first.total, first.items.length) };

  const rest: T[][] = new Array(pages - 1);
  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      const page = next;
      next += 1;
      const items = (await fetchPage(page, pageSize)).items;
      rest[page - 2] = items;
      loaded += items.length;
      onProgress?.(loaded, first.total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pages - 1) }, worker));
  const items = first.items.concat(...rest.filter(Boolean));
  return { items, total: first.total };
}
