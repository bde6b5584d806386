import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { onSessionChange } from '../api/session';
import { clearAllDrafts } from '../lib/form-draft';

/**
 * Reacts to the session: an expired token sends the user to sign in and back to the same page
 * (form drafts survive the trip); signing out forgets every cached answer and draft.
 */
export function SessionWatcher() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    let expired = false;
    return onSessionChange((event) => {
      if (event.type === 'expired') {
        const here = window.location.pathname + window.location.search;
        const next = here.startsWith('/sign-in') ? '/offerings' : here;
        void navigate(`/sign-in?next=${encodeURIComponent(next)}&reason=expired`, { replace: true });
        void queryClient.cancelQueries();
        // The cached answers are forgotten at the next sign-in, not now: removed while the page is
        // still on screen (the navigation is a transition), they are fetched again without a token
        // and the page's suspense queries throw "Invalid token." while rendering.
        expired = true;
      } else if (event.type === 'signed-in' && expired) {
        expired = false;
        queryClient.removeQueries();
      } else if (event.type === 'signed-out') {
        clearAllDrafts();
        queryClient.clear();
        void navigate('/sign-in', { replace: true });
      }
    });
  }, [navigate, queryClient]);
  return <Outlet />;
}
