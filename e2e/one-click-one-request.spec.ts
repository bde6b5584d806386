import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';
import { GroupsPage } from './pages/groups-page';

/**
 * A double click on a confirm button or a row action sends one request and shows one result
 * (issue 29, item 4): the confirm dialog stays on screen for its closing transition, and a
 * row's busy state lands a render after the click.
 */
const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;

function record(page: Page, method: string, path: RegExp): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === method && path.test(new URL(request.url()).pathname)) sent.push(request.url());
  });
  return sent;
}

test('Unlink: a double click sends one set_backend_id', async ({ page }) => {
  const sent = record(page, 'POST', /set_backend_id/);
  await page.goto(`/offerings/${A}/groups?page_size=25`);
  await new GroupsPage(page).rowAction(G.genomics.name, /Unlink/);
  await page.getByRole('dialog').getByRole('button', { name: 'Unlink', exact: true }).dblclick();
  await expect(page.getByText('Group unlinked')).toBeVisible();
  expect(sent).toHaveLength(1);
});

test('Delete group: a double click sends one DELETE and shows one result', async ({ page }) => {
  const sent = record(page, 'DELETE', /\/offering-keycloak-groups\//);
  await page.goto(`/offerings/${A}/groups?page_size=25`);
  await new GroupsPage(page).rowAction(G.viewer.name, /Delete/);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).dblclick();
  await expect(page.getByText(/^Group deleted/)).toBeVisible();
  await expect(page.getByText('Already deleted')).toHaveCount(0);
  expect(sent).toHaveLength(1);
});

test('Bulk remove of 3 members: a double click removes 3', async ({ page }) => {
  const sent = record(page, 'DELETE', /\/offering-keycloak-memberships\//);
  await page.goto(`/offerings/${A}/members`);
  const boxes = page.getByRole('table').getByRole('checkbox', { name: /^Select .+ in / });
  for (const index of [0, 1, 2]) await boxes.nth(index).check();
  await page.getByRole('button', { name: 'Remove selected' }).click();
  await page.getByRole('dialog', { name: 'Remove 3 members?' }).getByRole('button', { name: 'Remove 3 members' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: /Removed 3 members/ })).toBeVisible();
  expect(sent).toHaveLength(3);
});

test('Rancher delete: a double click sends one DELETE', async ({ page }) => {
  const sent = record(page, 'DELETE', /\/keycloak-user-group-memberships\//);
  await page.goto('/rancher-memberships');
  await page.getByRole('button', { name: 'Actions for dave in Cluster aurora-dev', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete the membership of dave?' }).getByRole('button', { name: 'Delete membership' }).dblclick();
  await expect(page.getByText('Membership of dave deleted')).toBeVisible();
  expect(sent).toHaveLength(1);
});

test('Pull members on a Sync status line: a double click pulls once', async ({ page }) => {
  const sent = record(page, 'POST', /pull_members/);
  await page.goto(`/offerings/${A}/sync`);
  await page
    .getByRole('region', { name: /^Synced \(/ })
    .getByRole('button', { name: 'Pull members of Researchers' })
    .dblclick();
  await expect(page.getByText('Pulled members of “Researchers”')).toBeVisible();
  expect(sent).toHaveLength(1);
});

test('with Keycloak slow, a double click on Delete group and on Pull members still sends one each', async ({ page, sim }) => {
  await sim.faults({
    slow: [
      { path: 'pull_members', ms: 1500 },
      { path: 'remote_group_members', ms: 1500 },
    ],
  });
  const pulls = record(page, 'POST', /pull_members/);
  const deletes = record(page, 'DELETE', /\/offering-keycloak-groups\//);
  await page.goto(`/offerings/${A}/sync`);
  const pull = page.getByRole('region', { name: /^Synced \(/ }).getByRole('button', { name: 'Pull members of Researchers' });
  await pull.dblclick();
  await expect(page.getByText('Pulled members of “Researchers”')).toBeVisible({ timeout: 10_000 });
  expect(pulls).toHaveLength(1);

  await page.goto(`/offerings/${A}/groups?page_size=25`);
  await new GroupsPage(page).rowAction(G.climate.name, /Delete/);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).dblclick();
  await expect(page.getByText(/^Group deleted/)).toBeVisible({ timeout: 10_000 });
  expect(deletes).toHaveLength(1);
});
