import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test } from './fixtures';

const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
const R = DEMO.remoteGroups.a;
const TABS = ['groups', 'sync', 'members', 'remote-users', 'settings'] as const;

const healthLine = (page: Page) => page.getByRole('status', { name: 'Keycloak and sync status' });

test('every tab shows whether Keycloak was reached, when, and the drift counts linked to their section', async ({ page }) => {
  const remoteOnly = R.remoteOnlyNames.length;
  for (const tab of TABS) {
    await page.goto(`/offerings/${A}/${tab}`);
    const line = healthLine(page);
    await expect(line).toContainText(/Keycloak reachable \(checked at \d/);
    await expect(line).toContainText(`9 synced · 4 only in Waldur · ${remoteOnly} only in Keycloak`);
  }
  await expectAccessible(page, 'health line on the settings tab');
  await healthLine(page).getByRole('link', { name: '4 only in Waldur' }).click();
  await expect(page).toHaveURL(new RegExp(`/offerings/${A}/sync\\?show=local$`));
  await expect(page.getByRole('heading', { name: 'Only in Waldur (4)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Synced \(/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Only in Keycloak \(/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show all sections' }).click();
  await expect(page.getByRole('heading', { name: 'Synced (9)' })).toBeVisible();
  await expect(page).not.toHaveURL(/show=/);
});

test('Keycloak down: every tab says it is not reachable, and none says it is', async ({ page, sim }) => {
  await sim.faults({ keycloakDown: true });
  for (const tab of TABS) {
    await page.goto(`/offerings/${A}/${tab}`);
    const line = healthLine(page);
    await expect(line).toContainText(/Keycloak not reachable \(checked at \d/);
    await expect(line).toContainText('Groups not compared');
    await expect(line).not.toContainText('Keycloak reachable');
    await expect(line).not.toContainText('synced');
  }
  await expectAccessible(page, 'health line with Keycloak down');
  // Back up: checking again says so, with the counts.
  await sim.faults({ keycloakDown: false });
  await healthLine(page).getByRole('button', { name: 'Check again' }).click();
  await expect(healthLine(page)).toContainText(/Keycloak reachable \(checked at \d/);
  await expect(healthLine(page)).toContainText('9 synced');
});

test('Keycloak going down after a check: the newer failure is told, the old counts keep their own time', async ({ page, sim }) => {
  await page.goto(`/offerings/${A}/members`);
  await expect(healthLine(page)).toContainText('Keycloak reachable');
  await sim.faults({ keycloakDown: true });
  await healthLine(page).getByRole('button', { name: 'Check again' }).click();
  await expect(healthLine(page)).toContainText(/Keycloak not reachable \(checked at \d/);
  await expect(healthLine(page)).toContainText(/9 synced .*\(compared at \d/);
});

test('the groups rows come first: the health line asks for the sync status after them', async ({ page, sim }) => {
  await sim.faults({ slow: [{ path: '/api/offering-keycloak-groups/', query: { offering_uuid: A }, ms: 1500 }] });
  const events: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/offering-keycloak-groups/sync_status/') events.push('sync status asked');
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname === '/api/offering-keycloak-groups/' && url.searchParams.get('offering_uuid') === A) events.push('rows');
  });
  await page.goto(`/offerings/${A}/groups`);
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await expect(healthLine(page)).toContainText('9 synced');
  expect(events, events.join(', ')).toEqual(['rows', 'sync status asked']);
});

test.describe('as the viewer', () => {
  test.use({ account: 'viewer' });
  test('is told why the groups were not compared, never an all-clear', async ({ page }) => {
    for (const tab of ['groups', 'sync'] as const) {
      await page.goto(`/offerings/${A}/${tab}`);
      const line = healthLine(page);
      await expect(line).toContainText('Keycloak not checked');
      await expect(line).toContainText(
        'Groups not compared: only staff and the owners of the offering’s organization can see the sync status.',
      );
      await expect(line).not.toContainText('reachable');
    }
  });
});

test('Link to the same-named group: links that pair, and the line and the server show it', async ({ page, sim }) => {
  await page.goto(`/offerings/${A}/sync?q=_Operator`);
  const waldurLine = page
    .getByRole('region', { name: /^Only in Waldur \(/ })
    .getByRole('listitem')
    .filter({ has: page.getByText(G.unlinked.name, { exact: true }) });
  await waldurLine.getByRole('button', { name: `Link ${G.unlinked.name} to the same-named group` }).click();
  const dialog = page.getByRole('dialog', { name: /Link .* to a remote group/ });
  await expect(dialog.getByRole('combobox', { name: 'Remote group' })).toHaveValue(new RegExp(`${R.operator.name}`));
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('region', { name: /^Synced \(/ })
      .getByRole('listitem')
      .filter({ has: page.getByText(G.unlinked.name, { exact: true }) }),
  ).toContainText(R.operator.id);
  await expect(page.getByRole('heading', { name: 'Only in Waldur (0 of 3)' })).toBeVisible();
  await expect(healthLine(page)).toContainText(`10 synced · 3 only in Waldur · ${R.remoteOnlyNames.length - 1} only in Keycloak`);
  const group = await sim.api<{ backend_id: string }>('staff', 'GET', `/api/offering-keycloak-groups/${G.unlinked.uuid}/`);
  expect(group.body.backend_id).toBe(R.operator.id);
});
