import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Chooses `option` in the Mantine select (or combobox) labelled `label` inside `scope` (a page,
 * a dialog, a form). Its options open in a portal, so they are looked up on the whole page; the
 * list must close once the option is chosen. A string option matches as Playwright's names do
 * (a case-insensitive part of the name) unless `exact` is set.
 */
export async function pick(scope: Page | Locator, label: string, option: string | RegExp, { exact = false } = {}): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' ? exact : undefined }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}
