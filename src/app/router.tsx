import { createBrowserRouter, redirect } from 'react-router';
import { RouteError } from './route-error';
import { SessionWatcher } from './session-watcher';

/** Pages load lazily: the first groups row needs only the shell, the frame and the groups tab. */
export function createRouter() {
  return createBrowserRouter([
    {
      Component: SessionWatcher,
      ErrorBoundary: RouteError,
      children: [
        { path: '/sign-in', lazy: () => import('./routes/sign-in') },
        {
          lazy: () => import('./routes/shell'),
          ErrorBoundary: RouteError,
          children: [
            { index: true, loader: () => redirect('/offerings') },
            { path: '/offerings', lazy: () => import('./routes/offerings'), ErrorBoundary: RouteError },
            {
              path: '/offerings/:offeringUuid',
              lazy: () => import('./routes/offering'),
              ErrorBoundary: RouteError,
              children: [
                { index: true, loader: ({ params }) => redirect(`/offerings/${params.offeringUuid}/groups`) },
                { path: 'groups', lazy: () => import('./routes/offering-groups'), ErrorBoundary: RouteError },
                { path: 'sync', lazy: () => import('./routes/offering-sync'), ErrorBoundary: RouteError },
                { path: 'members', lazy: () => import('./routes/offering-members'), ErrorBoundary: RouteError },
                { path: 'remote-users', lazy: () => import('./routes/offering-remote-users'), ErrorBoundary: RouteError },
                { path: 'import', lazy: () => import('./routes/offering-import'), ErrorBoundary: RouteError },
              ],
            },
            { path: '/rancher-memberships', lazy: () => import('./routes/rancher-memberships'), ErrorBoundary: RouteError },
            { path: '/server', lazy: () => import('./routes/server'), ErrorBoundary: RouteError },
            { path: '*', lazy: () => import('./routes/not-found') },
          ],
        },
      ],
    },
  ]);
}
