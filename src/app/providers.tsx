import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { OverlayHosts } from '../components/overlay-hosts';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

/**
 * The app's providers, also what component tests render inside (src/test/sim-render): `env="test"`
 * is Mantine's switch for tests (no transitions, no portals), and `eagerOverlays` loads the
 * dialog and notification hosts at once instead of after start.
 */
export function Providers({
  queryClient,
  children,
  env,
  eagerOverlays = false,
}: {
  queryClient: QueryClient;
  children: React.ReactNode;
  env?: 'default' | 'test';
  eagerOverlays?: boolean;
}) {
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
      env={env}
    >
      <QueryClientProvider client={queryClient}>
        <OverlayHosts eager={eagerOverlays} />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
