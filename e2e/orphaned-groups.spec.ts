import { DEMO } from '../sim/src/seed/demo.ts';
import { expect as baseExpect, expectAccessible, test } from './fixtures';
import { GroupsPage } from './pages/groups-page';

/**
 * Issue #13, "Never claim what was not seen": a group whose backend_id Keycloak no longer has
 * is never shown as plain "Linked"; its errors name that cause, and it offers the fixes.
 */
const expect = baseExpect.configure({ timeout: 15_000 });
const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
const MISSING = 'Linked · missing in Keycloak';
const groupsUrl = (query = '') => `/offerings/${A}/groups${query ? `?${query}` : ''}`;

test('the groups tab marks orphaned groups, and only them', async ({ page }) => {
  await page.goto(groupsUrl('page_size=25'));
  await expect(new GroupsPage(page).row(G.orphaned.name)).toContainText(MISSING);
  await expect(new GroupsPage(page).row(G.orphaned.name)).toContainText(G.orphaned.backendId);
  await expect(new GroupsPage(page).row(G.viewer.name)).toContainText('Linked');
  await expect(new GroupsPage(page).row(G.viewer.name)).not.toContainText('missing');
  await expect(new GroupsPage(page).row(G.unlinked.name)).toContainText('Not linked');
  // Two groups are named "Researchers": the orphaned one is marked, the synced one is not.
  const researchers = page.getByRole('table', { name: 'Groups' }).getByRole('row').filter({ hasText: 'Researchers' });
  await expect(researchers.filter({ hasText: MISSING })).toContainText(G.orphanedResearchers.backendId);
  await expect(researchers.filter({ hasText: G.researchers.backendId })).not.toContainText('missing');
  await expectAccessible(page, 'groups tab with orphaned groups');

  await page.getByRole('button', { name: `Actions for ${G.orphaned.name}`, exact: true }).click();
  const pull = page.getByRole('menuitem', { name: /Pull members/ });
  await expect(pull).toBeDisabled();
  await expect(pull).toContainText('Pull members cannot work: Keycloak no longer has the linked group.');
  await expect(page.getByRole('menuitem', { name: /Link to remote group/ })).toBeEnabled();
  await expect(page.getByRole('menuitem', { name: /Unlink/ })).toBeEnabled();
  await expect(page.getByRole('menuitem', { name: /Delete/ })).toBeEnabled();
});

test('a group whose remote group is deleted in Keycloak is marked once the page reads Keycloak again', async ({ page, sim }) => {
  await sim.call('DELETE', `/__sim/remote/groups/${G.climate.backendId}?offering_uuid=${A}`);
  await page.goto(groupsUrl('page_size=25'));
  await expect(new GroupsPage(page).row(G.climate.name)).toContainText(MISSING);
});

test('the detail of an orphaned group names the cause and offers the fixes', async ({ page, sim }) => {
  test.slow();
  await page.goto(groupsUrl(`group=${G.orphaned.uuid}`));
  const panel = page.getByRole('dialog');
  await expect(panel.getByText(MISSING)).toBeVisible();
  await expect(panel).toContainText(`Keycloak answers, but has no group with the id ${G.orphaned.backendId}`);
  await expect(panel.getByRole('button', { name: 'Pull members' })).toBeDisabled();
  await expect(panel).toContainText('Pull members cannot work: Keycloak no longer has the linked group.');
  const remote = panel.getByRole('region', { name: 'Members in Keycloak' });
  // Why and what mends it are said once, beside the remote group; the members region offers no
  // retry (it cannot bring the group back), no second copy of the fixes and no second way of
  // saying the group is missing (issue 29, item 18).
  await expect(panel.getByText('Link this group to another remote group, unlink it, or delete it.')).toHaveCount(1);
  await expect(remote).toContainText('Its members cannot be listed: see Remote group above.');
  await expect(remote).not.toContainText('missing');
  await expect(remote).not.toContainText('Unable to list remote group members.');
  await expect(panel.getByText(/has no group with the id/)).toHaveCount(1);
  await expect(remote.getByRole('button')).toHaveCount(0);
  await expect(remote).not.toContainText('Check the Keycloak URL');
  await expectAccessible(page, 'orphaned group detail');

  // One of the fixes: unlink. The group is then plainly "Not linked".
  await panel.getByRole('button', { name: 'Unlink' }).click();
  await page
    .getByRole('dialog', { name: /^Unlink/ })
    .getByRole('button', { name: 'Unlink' })
    .click();
  await expect(panel.getByText('Not linked', { exact: true })).toBeVisible();
  await expect(panel.getByText(MISSING)).toHaveCount(0);
  const after = await sim.api<{ backend_id: string }>('staff', 'GET', `/api/offering-keycloak-groups/${G.orphaned.uuid}/`);
  expect(after.body.backend_id).toBe('');
});

test('with Keycloak unreachable nothing is called missing', async ({ page, sim }) => {
  await sim.faults({ keycloakDown: [A] });
  await page.goto(groupsUrl(`page_size=25&group=${G.orphaned.uuid}`));
  const panel = page.getByRole('dialog');
  await expect(panel.getByRole('region', { name: 'Members in Keycloak' })).toContainText('Check the Keycloak URL');
  await expect(page.getByText(MISSING)).toHaveCount(0);
});

test('the members check names the cause for orphaned groups', async ({ page }) => {
  test.slow();
  await page.goto(`/offerings/${A}/sync`);
  const check = page.getByRole('region', { name: 'Members check' });
  await check.getByRole('button', { name: 'Check all members' }).click();
  await expect(check.getByText(/^Checked: /)).toBeVisible({ timeout: 30_000 });
  const failed = check.getByRole('alert').filter({ hasText: /^Could not read \d+ groups?/ });
  await expect(failed).toContainText(
    `${G.orphaned.name}: ${MISSING}. Keycloak answers, but has no group with the id ${G.orphaned.backendId}`,
  );
  await expect(failed).not.toContainText('Unable to list remote group members.');
});

test('the members check offers a retry only where one can help, and the group’s fixes where Keycloak no longer has it', async ({
  page,
  sim,
}) => {
  test.slow();
  // One linked group's Keycloak read fails with a server error (a retry can mend that); the
  // demo's orphaned groups are missing in Keycloak (it cannot).
  await sim.faults({
    fail: [{ method: 'GET', path: 'remote_group_members', query: { group_id: G.climate.backendId }, status: 503, times: null }],
  });
  await page.goto(`/offerings/${A}/sync`);
  const check = page.getByRole('region', { name: 'Members check' });
  await check.getByRole('button', { name: 'Check all members' }).click();
  await expect(check.getByText(/^Checked: /)).toBeVisible({ timeout: 30_000 });
  const failed = check.getByRole('alert', { name: /^Could not read \d+ groups$/ });
  await expect(failed).toContainText(`${G.climate.name}:`);
  await expect(failed).toContainText(`${G.orphaned.name}: ${MISSING}.`);
  await expect(check.getByRole('button', { name: 'Retry failed groups (1)' })).toBeVisible();

  // The missing group's own fixes, in place: unlink it.
  const legacy = failed.getByText(`${G.orphaned.name}: ${MISSING}.`).locator('xpath=..');
  await expect(legacy.getByRole('button', { name: 'Link to remote group' })).toBeEnabled();
  await expect(legacy.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await legacy.getByRole('button', { name: 'Unlink' }).click();
  await page
    .getByRole('dialog', { name: /^Unlink/ })
    .getByRole('button', { name: 'Unlink' })
    .click();
  await expect(legacy).toContainText('Unlinked: no longer tied to the missing remote group.');
  const after = await sim.api<{ backend_id: string }>('staff', 'GET', `/api/offering-keycloak-groups/${G.orphaned.uuid}/`);
  expect(after.body.backend_id).toBe('');

  // Read in another language, the missing groups are still told apart from the failures.
  await page.goto(`/offerings/${A}/sync?language=de`);
  const checkDe = page.getByRole('region', { name: 'Mitgliederprüfung' });
  await expect(checkDe.getByRole('button', { name: 'Fehlgeschlagene Gruppen erneut versuchen (1)' })).toBeVisible();

  await sim.faults({});
  await checkDe.getByRole('button', { name: 'Fehlgeschlagene Gruppen erneut versuchen (1)' }).click();
  await expect(checkDe.getByRole('button', { name: /^Fehlgeschlagene Gruppen erneut versuchen/ })).toHaveCount(0);
  await expect(checkDe.getByRole('alert').filter({ hasText: G.climate.name })).toHaveCount(0);
});
