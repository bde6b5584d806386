import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { focusMain } from './app-frame';

/**
 * After a client-side navigation to another page, focus goes to the main region: a keyboard or
 * screen reader user starts at the new page, not at a link that may be gone. Not on the first
 * page, not when only the search params change (filters live there and change as one types), and
 * not from the offering's tabs, where the arrow keys move from tab to tab, each a route.
 */
export function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (document.activeElement?.closest('[role="tablist"]')) return;
    focusMain();
  }, [pathname]);
}
