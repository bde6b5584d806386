/**
 * Component tests against the in-process simulator (no hand-rolled fetch mocks): a fresh
 * demo-seeded simulator, the API client pointed at it, a signed-in account, and the app's
 * providers around the component under test with a memory router.
 */
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { configureApi } from '../api/client';
import { OverlayHosts } from '../components/overlay-hosts';
// eslint-disable-next-line no-restricted-imports -- tests talk to the simulator in process
import { createSimulator, type Simulator } from '../../sim/src/simulator.ts';
// eslint-disable-next-line no-restricted-imports -- the seed's well-known ids
import { DEMO } from '../../sim/src/seed/demo.ts';

export { DEMO };

export type Account = 'staff' | 'owner' | 'viewer';

export function startSim(account: Account | null = 'staff'): Simulator {
  const sim = createSimulator({ seed: 'demo', logErrors: false });
  configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
    const answer = await sim.handle(request);
    return answer ?? new Response('Not found', { status: 404 });
  });
  if (account) window.sessionStorage.setItem('waldur-kc.token', DEMO.tokens[account]);
  return sim;
}

export function renderApp(ui: React.ReactNode, { route = '/', path = '*' }: { route?: string; path?: string } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path, element: ui }], { initialEntries: [route] });
  const result = render(
    <I18nProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <OverlayHosts eager />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>,
  );
  return { ...result, queryClient, router };
}
