import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, seriousViolations, test } from './fixtures';
import { pick } from './pages/controls';

// Issue 13, "Done when": an axe scan of every page, with every menu and dialog open, in both
// schemes, has no serious or critical violation. One test per page group; each lists all it found.

const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;

test.slow();

async function scan(page: Page, label: string) {
  expect.soft(await seriousViolations(page), `axe violations on ${label}`).toEqual([]);
}

/** Opens a dialog with `open`, scans it, and closes it with its Cancel (or Close) button. */
async function scanDialog(page: Page, label: string, open: () => Promise<void>) {
  await open();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await scan(page, label);
  const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
  await ((await cancel.count()) ? cancel : dialog.getByRole('button', { name: 'Close', exact: true })).first().click();
  await expect(dialog).toBeHidden();
}

async function openRowMenu(page: Page, name: string | RegExp) {
  await page
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .click();
  await expect(page.getByRole('menu')).toBeVisible();
}

async function chooseFromRowMenu(page: Page, name: string | RegExp, item: string | RegExp) {
  await openRowMenu(page, name);
  await page.getByRole('menuitem', { name: item }).click();
}

test.describe('signed out', () => {
  test.use({ account: null });

  test('sign-in page, with a password and with a token', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await scan(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await scan(page, 'sign-in with errors');
    const token = page.getByRole('button', { name: /API token/ });
    if (await token.count()) {
      await token.first().click();
      await scan(page, 'sign-in with a token');
    }
  });
});

test('offerings, server, not found, offerings without or with a broken Keycloak', async ({ page }) => {
  await page.goto('/offerings');
  await expect(page.getByRole('link', { name: DEMO.offerings.healthyA.name })).toBeVisible();
  await scan(page, 'offerings');
  await page.goto('/server');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan(page, 'server');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan(page, 'not found');
  await page.goto(`/offerings/${DEMO.offerings.noKeycloak.uuid}/groups`);
  await expect(page.getByText('Keycloak is not enabled for this offering')).toBeVisible();
  await scan(page, 'offering without Keycloak');
  await page.goto(`/offerings/${DEMO.offerings.unreachable.uuid}/groups`);
  await expect(page.getByRole('button', { name: /^Actions for / }).first()).toBeVisible();
  await scan(page, 'groups, Keycloak unreachable');
});

test('groups tab: row menu, its dialogs, the detail panel, the connection test', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups`);
  await expect(page.getByRole('button', { name: `Actions for ${G.prodAdmin.name}` })).toBeVisible();
  await scan(page, 'groups');
  await openRowMenu(page, `Actions for ${G.prodAdmin.name}`);
  await scan(page, 'groups row menu');
  await page.keyboard.press('Escape');
  await scanDialog(page, 'delete group confirmation', () => chooseFromRowMenu(page, `Actions for ${G.prodAdmin.name}`, /^Delete/));
  await scanDialog(page, 'unlink confirmation', () => chooseFromRowMenu(page, `Actions for ${G.prodAdmin.name}`, /^Unlink/));
  await scanDialog(page, 'link dialog', () => chooseFromRowMenu(page, `Actions for ${G.prodAdmin.name}`, /^Link to remote group/));

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('button', { name: 'Dismiss the connection test result' })).toBeVisible();
  await scan(page, 'connection test result');

  await page.goto(`/offerings/${A}/groups?group=${G.researchers.uuid}`);
  const detail = page.getByRole('dialog');
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('table').first()).toBeVisible();
  await scan(page, 'group detail');
  await page.goto(`/offerings/${A}/groups?group=${G.unlinked.uuid}`);
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, 'group detail, unlinked');
});

test('sync status and the import wizard’s steps', async ({ page }) => {
  await page.goto(`/offerings/${A}/sync`);
  await expect(page.getByRole('checkbox', { name: /^Select / }).first()).toBeVisible();
  await scan(page, 'sync status');
  await page.goto(`/offerings/${A}/import`);
  await page.getByRole('checkbox', { name: 'Visitors', exact: true }).check();
  await scan(page, 'import wizard: choose groups');
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await expect(page.getByRole('combobox', { name: 'Role for Visitors' })).toBeVisible();
  await scan(page, 'import wizard: assign roles');
  await pick(page, 'Role for Visitors', 'Viewer', { exact: true });
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('checkbox', { name: 'Pull members after import' })).toBeVisible();
  await scan(page, 'import wizard: review');
});

test('members: row menu, its dialogs, add member, bulk remove and its results', async ({ page }) => {
  await page.goto(`/offerings/${A}/members?page_size=20`);
  await expect(page.getByText('1–20 of 47 members')).toBeVisible();
  await scan(page, 'members');
  await openRowMenu(page, /^Actions for /);
  await scan(page, 'members row menu');
  await page.keyboard.press('Escape');
  await scanDialog(page, 'change group dialog', () => chooseFromRowMenu(page, /^Actions for /, 'Change group'));
  await scanDialog(page, 'remove member confirmation', () => chooseFromRowMenu(page, /^Actions for /, 'Remove'));
  await scanDialog(page, 'add member dialog', () => page.getByRole('button', { name: 'Add member' }).click());

  await page.getByRole('checkbox', { name: /^Select all/ }).check();
  await page.getByRole('button', { name: 'Remove selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove 20 members?' });
  await scan(page, 'bulk remove confirmation');
  await confirm.getByRole('button', { name: 'Remove 20 members' }).click();
  // Each removal reads Keycloak back: twenty of them on a loaded machine take a while.
  await expect(page.getByRole('status').filter({ hasText: /^Removed 20 members/ })).toBeVisible({ timeout: 60_000 });
  await scan(page, 'bulk remove results');
});

test('remote users: search and add to group', async ({ page }) => {
  await page.goto(`/offerings/${A}/remote-users?q=lonely`);
  const add = page.getByRole('button', { name: `Add ${DEMO.remoteUsers.noMembership} to group` });
  await expect(add).toBeVisible();
  await scan(page, 'remote users');
  await scanDialog(page, 'add to group dialog', () => add.click());
});

test('settings: the form, export and scope option dialogs', async ({ page }) => {
  await page.goto(`/offerings/${A}/settings`);
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await scan(page, 'settings');
  await scanDialog(page, 'export settings dialog', () => page.getByRole('button', { name: 'Export settings' }).click());
  await scanDialog(page, 'scope option dialog', () => page.getByRole('button', { name: 'Add scope option to alpha-archive' }).click());
});

test('Rancher memberships: row menu, its dialogs, add, bulk delete and its results', async ({ page }) => {
  await page.goto('/rancher-memberships');
  await expect(page.getByRole('button', { name: /^Actions for / }).first()).toBeVisible();
  await scan(page, 'Rancher memberships');
  await openRowMenu(page, /^Actions for /);
  await scan(page, 'Rancher row menu');
  await page.keyboard.press('Escape');
  await scanDialog(page, 'Rancher edit dialog', () => chooseFromRowMenu(page, /^Actions for /, 'Edit'));
  await scanDialog(page, 'Rancher move dialog', () => chooseFromRowMenu(page, /^Actions for /, /^Move/));
  await scanDialog(page, 'Rancher delete confirmation', () => chooseFromRowMenu(page, /^Actions for /, 'Delete'));
  await scanDialog(page, 'Rancher add dialog', () => page.getByRole('button', { name: 'Add membership' }).click());

  await page.getByRole('checkbox', { name: /^Select all/ }).check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const confirm = page.getByRole('dialog');
  await scan(page, 'Rancher bulk delete confirmation');
  await confirm.getByRole('button', { name: /^Delete \d+ memberships$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Deleted \d+ memberships/ })).toBeVisible({ timeout: 60_000 });
  await scan(page, 'Rancher bulk delete results');
});

test.describe('as a viewer', () => {
  test.use({ account: 'viewer' });

  test('disabled actions with their reasons, and the not-allowed dialog', async ({ page }) => {
    await page.goto(`/offerings/${A}/groups`);
    await expect(page.getByText('No groups you can see')).toBeVisible();
    await scan(page, 'viewer groups');
    await page.goto(`/offerings/${A}/members?add=1`);
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan(page, 'viewer add member, not allowed');
  });
});
