import { useEffect } from 'react';
import { lastPage } from './fetch-page';

/**
 * A page past the end (after deletions, or an old bookmark) moves to the last page that exists,
 * replacing the history entry. `total` is undefined until the list answered; a placeholder
 * (the previous page's rows) does not count.
 */
export function useLastPageClamp(
  total: number | undefined,
  { page, pageSize, placeholder }: { page: number; pageSize: number; placeholder: boolean },
  moveTo: (page: number) => void,
): void {
  useEffect(() => {
    if (total === undefined || placeholder) return;
    const last = lastPage(total, pageSize);
    if (page > last) moveTo(last);
  }, [total, page, pageSize, placeholder, moveTo]);
}
