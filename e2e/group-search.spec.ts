import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { LARGE } from '../sim/src/seed/large.ts';
import { expect as baseExpect, expectAccessible, test } from './fixtures';

/** Issue #15, "Finding things": search by name, quick filters, and "Same name" in the link dialog. */
const expect = baseExpect.configure({ timeout: 15_000 });
const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
const groupsUrl = (offering: string, query = '') => `/offerings/${offering}/groups${query ? `?${query}` : ''}`;

function groupNames(page: Page) {
  return page
    .getByRole('table', { name: 'Groups' })
    .getByRole('row')
    .getByRole('button', { name: /^(?!Actions for)/ });
}

function show(page: Page, label: string) {
  return page.getByRole('radiogroup', { name: 'Show groups' }).getByText(label, { exact: true }).click();
}

test('search by name covers every group of the offering and lives in the URL', async ({ page }) => {
  await page.goto(groupsUrl(A));
  await expect(page.getByText('1–10 of 13 groups')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('RESEARCH');
  await expect(page).toHaveURL(/q=RESEARCH/);
  // Matches on both pages of the server's list: the two "Researchers" and the long name.
  await expect(page.getByText('1–3 of 3 groups')).toBeVisible();
  await expect(groupNames(page)).toHaveText([G.longName.name, 'Researchers', 'Researchers']);
  await expect(page.getByRole('note').filter({ hasText: 'all 13 groups of the offering were loaded once' })).toBeVisible();
  await expectAccessible(page, 'groups search');

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search groups by name' })).toHaveValue('RESEARCH');
  await expect(page.getByText('1–3 of 3 groups')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('no such group');
  await expect(page.getByText('No groups match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('1–10 of 13 groups')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search groups by name' })).toHaveValue('');
});

test('quick filters: linked, not linked, missing in Keycloak', async ({ page }) => {
  await page.goto(groupsUrl(A, 'page_size=25'));
  await show(page, 'Not linked');
  await expect(page).toHaveURL(/show=not-linked/);
  await expect(groupNames(page)).toHaveText([G.unlinkedSql.name, G.unlinked.name]);

  await show(page, 'Missing in Keycloak');
  await expect(page.getByText('1–2 of 2 groups')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Groups' }).getByRole('row').filter({ hasText: 'Linked · missing in Keycloak' });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: G.orphaned.name })).toContainText(G.orphaned.backendId);

  await show(page, 'Linked');
  await expect(page.getByText('1–9 of 9 groups')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups' })).not.toContainText('missing in Keycloak');

  // With a search: the one orphaned "Researchers".
  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('Researchers');
  await show(page, 'Missing in Keycloak');
  await expect(page.getByText('1–1 of 1 group')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups' })).toContainText(G.orphanedResearchers.backendId);
});

test('a large offering shows a progress bar while every group loads once', async ({ page, sim }) => {
  test.slow();
  await sim.reset({ seed: 'large', large: { localGroups: 1_500, remoteGroups: 1_600, memberships: 100, remoteUsers: 100, resources: 5 } });
  // Pages answer late, so the load is under way long enough to be seen.
  await sim.faults({ slow: [{ path: 'offering-keycloak-groups', query: { page_size: '300' }, ms: 2_500 }] });
  await page.goto(groupsUrl(LARGE.offering.uuid, 'q=omega_001'));
  await expect(page.getByRole('progressbar', { name: 'Loading every group' })).toBeVisible();
  await expect(page.getByText(/Loaded [\d,]+ of 1,500 groups/)).toBeVisible();
  await expect(page.getByText('1–10 of 100 groups')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Loading every group' })).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: 'all 1,500 groups of the offering were loaded once' })).toBeVisible();
});

test('the link dialog puts the remote group with the same name first', async ({ page }) => {
  await page.goto(groupsUrl(A, 'page_size=25'));
  await page.getByRole('button', { name: `Actions for ${G.unlinked.name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: /Link to remote group/ }).click();
  const dialog = page.getByRole('dialog', { name: /Link .* to a remote group/ });
  await dialog.getByRole('combobox', { name: 'Remote group' }).click();
  // The remote group picker's options (the header's language menu has options of its own).
  const options = page.getByRole('listbox').getByRole('option');
  const first = options.first();
  await expect(first).toContainText(G.unlinked.name);
  await expect(first).toContainText('Same name');
  await expect(options.filter({ hasText: 'Same name' })).toHaveCount(1);
});
