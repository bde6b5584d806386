import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';
import { GroupsPage } from './pages/groups-page';

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
  // Its confirmation waits for the group's member count, the trigger busy meanwhile.
  await cancelDialogFromMenu(page, memberActions, 'Remove');

  await page.goto('/rancher-memberships');
  const rancherActions = page.getByRole('button', { name: /^Actions for / }).first();
  await cancelDialogFromMenu(page, rancherActions, 'Edit');
  await cancelDialogFromMenu(page, rancherActions, 'Delete');
});

test('the skip link is the keyboard’s first stop and moves focus to the main region', async ({ page }) => {
  await page.goto('/offerings');
  await expect(page.getByRole('table').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/\/offerings$/);
});

test('a navigation to another page moves focus to the main region; the first page and filter changes do not', async ({ page }) => {
  await page.goto(`/offerings/${A}/members`);
  const username = page.getByRole('textbox', { name: 'Exact username' });
  await expect(username).toBeVisible();
  await expect(page.getByRole('main')).not.toBeFocused();
  await expect(page.locator('body')).toBeFocused();

  // Filters change the search params as one types: the field keeps the focus.
  await username.fill('alice');
  await expect(page).toHaveURL(/username=alice/);
  await expect(page.getByText(/of 3 members$/)).toBeVisible();
  await expect(username).toBeFocused();

  // The offering's tabs are routes; the arrow keys go on from tab to tab.
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page).toHaveURL(/\/groups/);
  await expect(page.getByRole('tab', { name: 'Groups' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/sync/);
  await expect(page.getByRole('tab', { name: 'Sync status' })).toBeFocused();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Server' }).click();
  await expect(page).toHaveURL(/\/server$/);
  await expect(page.getByRole('main')).toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Offerings' }).click();
  await expect(page.getByRole('main')).toBeFocused();
});

test('the Link dialog opens on its first field: typing goes there, not to its close button', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups?page_size=25`);
  const groupActions = page.getByRole('button', { name: `Actions for ${DEMO.groups.a.orphaned.name}`, exact: true });
  // By keyboard: the row's menu, then its "Link to remote group".
  await groupActions.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: /^Link to remote group/ });
  await item.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Link / });
  await expect(dialog).toBeVisible();
  const remoteGroup = dialog.getByRole('combobox', { name: 'Remote group' });
  await expect(remoteGroup).toBeFocused();
  // The list opens when one types, not over the dialog's buttons as it opens.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('listbox')).toBeHidden();
  // The current (missing) remote group's name is replaced by what is typed.
  await page.keyboard.type('Visitors');
  await expect(remoteGroup).toHaveValue('Visitors');
  await expect(page.getByRole('option', { name: /Visitors/ })).toBeVisible();

  // By mouse too, on another row. (Escape closes the list, then the dialog.)
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await new GroupsPage(page).rowAction(DEMO.groups.a.unlinked.name, /^Link to remote group/);
  await expect(dialog.getByRole('combobox', { name: 'Remote group' })).toBeFocused();
  await page.keyboard.type('gpu');
  await expect(dialog.getByRole('combobox', { name: 'Remote group' })).toHaveValue('gpu');
});
