import { createBrowserRouter, redirect, type DataStrategyFunction } from 'react-router';
import { getToken } from '../api/session';
import { RouteError } from './route-error';
import { groupsLoader, offeringLanding, offeringLoader, shellLoader, syncLoader } from './route-loaders';
import { SessionWatcher } from './session-watcher';

/**
 * Runs the matched routes' loaders once `apiReady` has settled (the API client needs
 * /config.json), while their lazy modules load meanwhile: route code, config and then data,
 * with no route waiting on another.
 */
function afterApiReady(apiReady: Promise<unknown>): DataStrategyFunction {
  return async ({ matches, request }) => {
    const toLoad = matches.filter((match) => match.shouldLoad);
    const url = new URL(request.url);
    // Signed out: straight to sign-in and back, before any loader asks the API for a 401.
    const signIn = url.pathname !== '/sign-in' && !getToken() ? `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}` : null;
    const results = await Promise.all(
      toLoad.map((match) =>
        match.resolve(async (handler) => {
          if (signIn) throw redirect(signIn);
          await apiReady;
          return handler();
        }),
      ),
    );
    return Object.fromEntries(results.map((result, index) => [toLoad[index]?.route.id ?? '', result]));
  };
}

/**
 * Pages load lazily: the first groups row needs only the shell, the frame and the groups tab.
 * Until the first page is ready the frame shows with skeletons: index.html's, drawn before any
 * script ran (main.tsx renders once the router is initialized, so no HydrateFallback).
 */
export function createRouter(apiReady: Promise<unknown> = Promise.resolve()) {
  return createBrowserRouter(
    [
      {
        Component: SessionWatcher,
        ErrorBoundary: RouteError,
        children: [
          { path: '/sign-in', lazy: () => import('./routes/sign-in') },
          {
            loader: shellLoader,
            lazy: () => import('./routes/shell'),
            ErrorBoundary: RouteError,
            children: [
              { index: true, loader: () => redirect('/offerings') },
              { path: '/offerings', lazy: () => import('./routes/offerings'), ErrorBoundary: RouteError },
              {
                path: '/offerings/:offeringUuid',
                loader: offeringLoader,
                lazy: () => import('./routes/offering'),
                ErrorBoundary: RouteError,
                children: [
                  { index: true, loader: ({ params }) => redirect(`/offerings/${params.offeringUuid}/${offeringLanding()}`) },
                  { path: 'groups', loader: groupsLoader, lazy: () => import('./routes/offering-groups'), ErrorBoundary: RouteError },
                  { path: 'sync', loader: syncLoader, lazy: () => import('./routes/offering-sync'), ErrorBoundary: RouteError },
                  { path: 'members', lazy: () => import('./routes/offering-members'), ErrorBoundary: RouteError },
                  { path: 'remote-users', lazy: () => import('./routes/offering-remote-users'), ErrorBoundary: RouteError },
                  { path: 'import', lazy: () => import('./routes/offering-import'), ErrorBoundary: RouteError },
                  { path: 'settings', lazy: () => import('./routes/offering-settings'), ErrorBoundary: RouteError },
                  // Waldur 8.0.8+: offering roles on resources and resource projects.
                  { path: 'access', lazy: () => import('./routes/offering-access'), ErrorBoundary: RouteError },
                  { path: 'roles', lazy: () => import('./routes/offering-roles'), ErrorBoundary: RouteError },
                  { path: 'resource-sync', lazy: () => import('./routes/offering-resource-sync'), ErrorBoundary: RouteError },
                  { path: 'access-check', lazy: () => import('./routes/offering-access-check'), ErrorBoundary: RouteError },
                ],
              },
              { path: '/rancher-memberships', lazy: () => import('./routes/rancher-memberships'), ErrorBoundary: RouteError },
              { path: '/server', lazy: () => import('./routes/server'), ErrorBoundary: RouteError },
              { path: '*', lazy: () => import('./routes/not-found') },
            ],
          },
        ],
      },
    ],
    { dataStrategy: afterApiReady(apiReady) },
  );
}
