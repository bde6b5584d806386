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
  useEffect(
    () =>
      onSessionChange((event) => {
        if (event.type === 'expired') {
          const here = window.location.pathname + window.location.search;
          const next = here.startsWith('/sign-in') ? '/offerings' : here;
          void queryClient.cancelQueries();
          // Forget the cached answers once the page that shows them is gone: removed earlier, the
          // page still on screen (navigation waits for the lazy sign-in route) refetches without a
          // token and its suspense queries throw "Invalid token." while rendering.
          void Promise.resolve(navigate(`/sign-in?next=${encodeURIComponent(next)}&reason=expired`, { replace: true })).finally(() =>
            queryClient.removeQueries(),
          );
        } else if (event.type === 'signed-out') {
          clearAllDrafts();
          queryClient.clear();
          void navigate('/sign-in', { replace: true });
        }
      }),
    [navigate, queryClient],
  );
  return <Outlet />;
}
