import { useEffect } from 'react';
import { lastPage } from './fetch-page';

type PagedList = { data?: { total: number }; isPlaceholderData: boolean };
type Paging = { page: number; page_size: number };
/** The page's URL state setter (`useUrlState`), stable across renders. */
type SetPage = (patch: { page: number }, options?: { replace?: boolean }) => void;

/**
 * A page past the end (after deletions, or an old bookmark) moves to the last page that exists,
 * replacing the history entry. The total is unknown until the list answered; a placeholder (the
 * previous page's rows) does not count.
 */
export function useLastPageClamp(list: PagedList, { page, page_size: pageSize }: Paging, setState: SetPage): void {
  const total = list.data?.total;
  const placeholder = list.isPlaceholderData;
  useEffect(() => {
    if (total === undefined || placeholder) return;
    const last = lastPage(total, pageSize);
    if (page > last) setState({ page: last }, { replace: true });
  }, [total, page, pageSize, placeholder, setState]);
}
