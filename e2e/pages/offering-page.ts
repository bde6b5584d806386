import type { Locator, Page } from '@playwright/test';

/**
 * The last connection test's result, wherever it is shown (the offering's header, the settings'
 * connection section): an alert named by its outcome.
 */
export function connectionResult(scope: Page | Locator, outcome: 'Connected' | 'Connection failed' | 'any' = 'any'): Locator {
  return scope.getByRole('alert', { name: outcome === 'any' ? /^(Connected|Connection failed)$/ : outcome, exact: true });
}
