import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';

const A = DEMO.offerings.healthyA.uuid;

/** Opens a row's action menu, chooses `item`, and closes the dialog it opens with Cancel. */
async function cancelDialogFromMenu(page: Page, button: Locator, item: string) {
  await button.click();
  await page.getByRole('menuitem', { name: item }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(button).not.toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(button, `focus after "${item}" was cancelled`).toBeFocused();
}

test('a dialog opened from a row menu gives focus back to the menu’s trigger when it closes', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups`);
  const groupActions = page.getByRole('button', { name: /^Actions for / }).first();
  // A confirmation (@mantine/modals) and one of the app's own dialogs.
  await cancelDialogFromMenu(page, groupActions, 'Delete');
  await cancelDialogFromMenu(page, groupActions, 'Link to remote group');

  await page.goto(`/offerings/${A}/members?username=alice`);
  const memberActions = page.getByRole('button', { name: /^Actions for alice in / }).first();
  await cancelDialogFromMenu(page, memberActions, 'Change group');

  await page.goto('/rancher-memberships');
  const rancherActions = page.getByRole('button', { name: /^Actions for / }).first();
  await cancelDialogFromMenu(page, rancherActions, 'Edit');
  await cancelDialogFromMenu(page, rancherActions, 'Delete');
});
