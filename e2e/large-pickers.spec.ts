import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { LARGE } from '../sim/src/seed/large.ts';
import { expect, test, type SimControl } from './fixtures';

const omega = LARGE.offering.uuid;

/** An offering with 2,000 groups and 320 resources: both past one page of 300. */
async function resetLarge(page: Page, sim: SimControl) {
  await sim.reset({ seed: 'large', large: { localGroups: 2000, remoteGroups: 2000, memberships: 50, remoteUsers: 50, resources: 320 } });
  // The reset replaced the signed-in token; the seed's own staff token still works.
  await page.addInitScript((token) => window.sessionStorage.setItem('waldur-kc.token', token), DEMO.tokens.staff);
}

test('the members Group filter finds a group past the first 300 by name', async ({ page, sim }) => {
  await resetLarge(page, sim);
  await page.goto(`/offerings/${omega}/members`);
  const filter = page.getByRole('combobox', { name: 'Group', exact: true });
  await filter.click();
  await filter.fill('omega_01999');
  await page.getByRole('option', { name: /omega_01999_Operator/ }).click();
  await expect(page).toHaveURL(/group=/);
  await expect(filter).toHaveValue(/omega_01999_Operator/);
});

test('Add member recognises an existing group past the first 300, and picks the last of 320 resources', async ({ page, sim }) => {
  await resetLarge(page, sim);
  await page.goto(`/offerings/${omega}/members`);
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  const existing = dialog.getByRole('combobox', { name: 'Existing group' });
  await existing.click();
  await existing.fill('omega_01999');
  await page.getByRole('option', { name: /omega_01999_Operator/ }).click();
  await expect(dialog.getByRole('status')).toContainText('omega_01999_Operator');
  await expect(dialog.getByText('New group')).toHaveCount(0);

  const resource = dialog.getByRole('combobox', { name: 'Resource', exact: true });
  await resource.click();
  await resource.fill('partition-319');
  await page.getByRole('option', { name: 'omega-partition-319', exact: true }).click();
  await expect(resource).toHaveValue('omega-partition-319');
  // No group of Operator has that resource with this scope yet.
  await expect(dialog.getByText('New group')).toBeVisible();
});

test('the Groups filter picks the last of 320 resources by searching the server', async ({ page, sim }) => {
  await resetLarge(page, sim);
  await page.goto(`/offerings/${omega}/groups`);
  const resource = page.getByRole('combobox', { name: 'Resource', exact: true });
  await resource.click();
  await resource.fill('partition-319');
  await page.getByRole('option', { name: 'omega-partition-319', exact: true }).click();
  await expect(page).toHaveURL(/resource=/);
  await expect(resource).toHaveValue('omega-partition-319');
  await expect(page.getByRole('table', { name: 'Groups' }).getByText('omega_01914_Viewer')).toBeVisible();
  // A bookmarked filter keeps its name after a reload, though it is not among the first matches.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Resource', exact: true })).toHaveValue('omega-partition-319');
});
