import { I18nProvider } from '@lingui/react';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { OverlayHosts } from '../components/overlay-hosts';
import { i18n } from '../i18n/i18n';
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
    <I18nProvider i18n={i18n}>
      {/* Mantine reads the direction <html dir> has (set with the language, i18n/locales.ts). */}
      <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'} detectDirection>
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
      </DirectionProvider>
    </I18nProvider>
  );
}
