import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test, type SimControl } from './fixtures';
import { pick } from './pages/controls';
import { GroupsPage } from './pages/groups-page';

const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
const groupsUrl = (offering: string, query = '') => `/offerings/${offering}/groups${query ? `?${query}` : ''}`;

/** The detail's first member lists wait behind the table's per-row Keycloak reads: a loaded machine needs longer than 8 s. */
const DETAIL_LOAD = 20_000;

async function groupOnServer(sim: SimControl, uuid: string) {
  return sim.api<{ backend_id: string; scope_id: string }>('staff', 'GET', `/api/offering-keycloak-groups/${uuid}/`);
}

test('lists groups and keeps filters, page and page size in the URL', async ({ page }) => {
  await page.goto(groupsUrl(A));
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.getByRole('row')).toHaveCount(11);
  await expect(page.getByText('1–10 of 13 groups')).toBeVisible();
  await expect(new GroupsPage(page).row(G.unlinked.name)).toHaveCount(0); // the oldest groups are on page 2
  // Hostile names render as text.
  await expect(table.getByRole('button', { name: '<img src=x onerror=alert(1)>', exact: true })).toBeVisible();
  await expectAccessible(page, 'groups tab');

  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText('11–13 of 13 groups')).toBeVisible();
  await expect(new GroupsPage(page).row(G.unlinked.name)).toContainText('Not linked');

  await pick(page, 'Rows per page', '25');
  await expect(page).toHaveURL(/page_size=25/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(table.getByRole('row')).toHaveCount(14);

  await pick(page, 'Role', /^Project Member/);
  await expect(page).toHaveURL(new RegExp(`role=${DEMO.roles.a.projectMember.uuid}`));
  await expect(page.getByText(/1–3 of 3 groups/)).toBeVisible();
  for (const cell of await table.getByRole('row').all()) {
    if ((await cell.getByRole('columnheader').count()) > 0) continue;
    await expect(cell).toContainText('Project Member');
  }

  await pick(page, 'Resource', 'alpha-prod-cluster');
  await expect(page).toHaveURL(new RegExp(`resource=${DEMO.resources.aProd.uuid}`));
  await expect(page.getByText('1–2 of 2 groups')).toBeVisible();
  await expect(new GroupsPage(page).row(G.genomics.name)).toContainText('p-7x2kq');

  // A reload (or a shared link) shows the same view.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue(/Project Member/);
  await expect(page.getByRole('combobox', { name: 'Resource' })).toHaveValue('alpha-prod-cluster');
  await expect(page.getByText('1–2 of 2 groups')).toBeVisible();

  await pick(page, 'Role', /^Namespace Editor/);
  await pick(page, 'Resource', 'alpha-archive');
  await expect(page.getByText('No groups match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('1–13 of 13 groups')).toBeVisible();
});

test('pull members says what changed and refreshes the members', async ({ page }) => {
  await page.goto(groupsUrl(A, `group=${G.researchers.uuid}`));
  const panel = page.getByRole('dialog');
  const local = panel.getByRole('region', { name: 'Members in Waldur' });
  const heading = local.getByRole('heading', { name: /In Waldur \(\d+\)/ });
  // The member lists load behind the table's own Keycloak reads (the orphan check per row).
  await expect(heading).toBeVisible({ timeout: DETAIL_LOAD });
  const before = Number((await heading.textContent())?.match(/\((\d+)\)/)?.[1]);
  await expect(panel.getByRole('region', { name: 'Members in Keycloak' }).getByRole('heading', { name: 'In Keycloak (8)' })).toBeVisible();
  await expectAccessible(page, 'group detail');

  await panel.getByRole('button', { name: 'Pull members' }).click();
  const { created, updated, total_remote } = DEMO.pullExpectations.researchers;
  await expect(page.getByRole('alert').filter({ hasText: 'Pulled members of “Researchers”' })).toContainText(
    `${created} new, ${updated} updated, ${total_remote} in Keycloak`,
  );
  await expect(local.getByRole('heading', { name: `In Waldur (${before + created})` })).toBeVisible();
  await expect(panel.getByText(/only in Keycloak/)).toContainText('0 only in Keycloak');
});

test('pull members from the row menu, and not for a group that is not linked', async ({ page }) => {
  await page.goto(groupsUrl(A, 'page_size=25'));
  let menu = await new GroupsPage(page).openRowMenu(G.unlinkedSql.name);
  const pull = menu.getByRole('menuitem', { name: /Pull members/ });
  await expect(pull).toBeDisabled();
  await expect(pull).toContainText('Not linked to a Keycloak group: link it first.');
  await page.keyboard.press('Escape');

  menu = await new GroupsPage(page).openRowMenu(G.prodAdmin.name);
  await menu.getByRole('menuitem', { name: /Pull members/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pulled members of' })).toContainText(/\d+ new, \d+ updated, \d+ in Keycloak/);
});

test('link a group to a remote group, then unlink it after confirming', async ({ page, sim }) => {
  await page.goto(groupsUrl(A, 'page_size=25'));
  let menu = await new GroupsPage(page).openRowMenu(G.unlinked.name);
  await menu.getByRole('menuitem', { name: /Link to remote group/ }).click();
  const dialog = page.getByRole('dialog', { name: /Link .* to a remote group/ });
  const picker = dialog.getByRole('combobox', { name: 'Remote group' });
  await picker.fill('alpha-hpc/Res');
  // Remote groups linked to another local group are marked.
  await expect(page.getByRole('option', { name: /Researchers/ }).first()).toContainText('Already linked to “Researchers”');
  await picker.fill('Operator');
  await page.getByRole('option', { name: new RegExp(`${A}_Operator`) }).click();
  await expectAccessible(page, 'link dialog');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(new GroupsPage(page).row(G.unlinked.name)).toContainText('Linked');
  await expect(new GroupsPage(page).row(G.unlinked.name)).toContainText(DEMO.remoteGroups.a.operator.id.slice(0, 8));

  // The confirmation sits bottom-right, over the lower rows' menus: closed, as an admin would.
  await page.getByRole('alert').filter({ hasText: 'Group linked' }).getByRole('button', { name: 'Close notification' }).click();

  // Unlink a group with a scope: the scope stays.
  menu = await new GroupsPage(page).openRowMenu(G.genomics.name);
  await menu.getByRole('menuitem', { name: /Unlink/ }).click();
  const confirm = page.getByRole('dialog', { name: `Unlink “${G.genomics.name}”?` });
  await expect(confirm).toContainText('The group stays in Waldur with its members');
  await expect(confirm).toContainText('Nothing is deleted in Keycloak.');
  await confirm.getByRole('button', { name: 'Unlink' }).click();
  await expect(new GroupsPage(page).row(G.genomics.name)).toContainText('Not linked');
  const after = await groupOnServer(sim, G.genomics.uuid);
  expect(after.body.backend_id).toBe('');
  expect(after.body.scope_id).toBe('p-7x2kq');
});

test('link can change the resource and scope, offering the resource’s scopes', async ({ page, sim }) => {
  await page.goto(groupsUrl(A, `page_size=25&group=${G.genomics.uuid}`));
  await page.getByRole('dialog').getByRole('button', { name: 'Link to remote group' }).click();
  const dialog = page.getByRole('dialog', { name: /Link .* to a remote group/ });
  await expect(dialog.getByRole('combobox', { name: 'Remote group' })).toHaveValue(/Project Member/);
  await pick(dialog, 'Scope ID', /Climate model \(p-m4n8z\)/);
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  // Another group already has this role, resource and scope: Waldur refuses, the choice stays.
  await expect(dialog.getByRole('alert')).toContainText('must make a unique set');
  await expect(dialog.getByRole('combobox', { name: 'Scope ID' })).toHaveValue(/p-m4n8z/);
  await pick(dialog, 'Scope ID', /Shared namespace \(ns-shared\)/);
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await groupOnServer(sim, G.genomics.uuid)).body.scope_id).toBe('ns-shared');
  expect((await groupOnServer(sim, G.genomics.uuid)).body.backend_id).toBe(G.genomics.backendId);
});

test('delete says the remote group and every membership go too', async ({ page, sim }) => {
  await page.goto(groupsUrl(A));
  const menu = await new GroupsPage(page).openRowMenu(G.prodAdmin.name);
  await menu.getByRole('menuitem', { name: /Delete/ }).click();
  const confirm = page.getByRole('dialog', { name: `Delete the group “${G.prodAdmin.name}”?` });
  await expect(confirm).toContainText(
    new RegExp(`The remote Keycloak group ${G.prodAdmin.backendId} is deleted too, and all 6 memberships of this group go with it\\.`),
  );
  await expect(confirm).toContainText('This cannot be undone.');
  await expectAccessible(page, 'delete confirmation');
  await confirm.getByRole('button', { name: 'Delete group' }).click();
  await expect(new GroupsPage(page).row(G.prodAdmin.name)).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Group deleted' })).toBeVisible();
  expect((await groupOnServer(sim, G.prodAdmin.uuid)).status).toBe(404);
  const remote = await sim.call<{ id: string }[]>('GET', `/__sim/remote/groups?offering_uuid=${A}`);
  expect(remote.some((group) => group.id === G.prodAdmin.backendId)).toBe(false);
});

test('a delete Keycloak did not carry out says so: unreadable, or the group still there', async ({ page, sim }) => {
  // Down before the page opens: had the remote groups loaded first, their failed refresh would
  // raise a "Could not refresh" notification that may lie over the row menu.
  await sim.faults({ keycloakDown: [A] });
  await page.goto(groupsUrl(A));
  await (await new GroupsPage(page).openRowMenu(G.prodAdmin.name)).getByRole('menuitem', { name: /Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
  const unchecked = page.getByRole('alert').filter({ hasText: 'deleted in Waldur only; Keycloak could not be checked' });
  await expect(unchecked).toContainText('so it was probably not updated: the Keycloak group may still exist');
  await expect(new GroupsPage(page).row(G.prodAdmin.name)).toHaveCount(0);
  // The warning stays until dismissed (autoClose off), as an admin would close it.
  await unchecked.getByRole('button', { name: 'Close notification' }).click();

  await sim.faults({ keycloakRejects: [{ group_id: G.devAdmin.backendId }] });
  await (await new GroupsPage(page).openRowMenu(G.devAdmin.name)).getByRole('menuitem', { name: /Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
  const kept = page.getByRole('alert').filter({ hasText: 'Its Keycloak group still exists' });
  await expect(kept).toContainText(`“${G.devAdmin.name}” and its memberships were deleted in Waldur.`);
  await expect(kept).toContainText('Keycloak was not updated');
  await expect(kept).toContainText('Delete the group in Keycloak');
  expect((await groupOnServer(sim, G.devAdmin.uuid)).status).toBe(404);
  const remote = await sim.call<{ id: string }[]>('GET', `/__sim/remote/groups?offering_uuid=${A}`);
  expect(remote.some((group) => group.id === G.devAdmin.backendId)).toBe(true);
});

test('deleting a group from its detail closes it with no false "Could not refresh"', async ({ page, sim }) => {
  await page.goto(groupsUrl(A, `group=${G.unlinked.uuid}`));
  const panel = page.getByRole('dialog');
  await expect(panel.getByRole('region', { name: 'Members in Waldur' })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: `Delete the group “${G.unlinked.name}”?` })
    .getByRole('button', { name: 'Delete group' })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: 'Group deleted' })).toBeVisible();
  await expect(page).not.toHaveURL(/group=/);
  expect((await groupOnServer(sim, G.unlinked.uuid)).status).toBe(404);
  // Whatever was still asked for settles first: the lists refetch after the readback.
  await expect(new GroupsPage(page).row(G.unlinked.name)).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh' })).toHaveCount(0);
});

test('the member-level diff follows changes made in Keycloak', async ({ page, sim }) => {
  await page.goto(groupsUrl(A, `group=${G.prodAdmin.uuid}`));
  const panel = page.getByRole('dialog');
  const local = panel.getByRole('region', { name: 'Members in Waldur' });
  const remote = panel.getByRole('region', { name: 'Members in Keycloak' });
  await expect(remote.getByRole('heading', { name: 'In Keycloak (4)' })).toBeVisible({ timeout: DETAIL_LOAD });
  const member = (region: typeof local, username: string) =>
    region.getByRole('listitem').filter({ has: page.getByText(username, { exact: true }) });
  await expect(member(local, 'ex.member')).toContainText('Only in Waldur');
  await expect(member(local, 'carol')).toContainText('In both');

  // Behind Waldur's back: one user joins the Keycloak group, another leaves it.
  await sim.call('POST', `/__sim/remote/groups/${G.prodAdmin.backendId}/members`, { offering_uuid: A, username: 'lonely.user' });
  await sim.call('DELETE', `/__sim/remote/groups/${G.prodAdmin.backendId}/members/carol?offering_uuid=${A}`);
  await panel.getByRole('button', { name: 'Refresh members' }).click();
  await expect(member(remote, 'lonely.user')).toContainText('Only in Keycloak');
  await expect(member(local, 'carol')).toContainText('Only in Waldur');
  await expect(member(remote, 'carol')).toHaveCount(0);
  await expect(panel.getByText(/in both, .* only in Waldur, .* only in Keycloak/)).toContainText('1 only in Keycloak');

  // Pulling brings the Keycloak-only user into Waldur; it never removes anyone.
  await panel.getByRole('button', { name: 'Pull members' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pulled members of' })).toContainText('1 new');
  await expect(member(local, 'lonely.user')).toContainText('In both');
  await expect(member(local, 'carol')).toContainText('Only in Waldur');
});

test('a group deleted by someone else is reported in place', async ({ page, sim }) => {
  await page.goto(groupsUrl(A, 'page_size=25'));
  await expect(new GroupsPage(page).row(G.viewer.name)).toBeVisible();
  expect((await sim.api('staff', 'DELETE', `/api/offering-keycloak-groups/${G.viewer.uuid}/`)).status).toBe(204);
  const menu = await new GroupsPage(page).openRowMenu(G.viewer.name);
  await menu.getByRole('menuitem', { name: /Pull members/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not pull members' })).toContainText(
    `The group “${G.viewer.name}” no longer exists: someone else may have deleted it.`,
  );
  await expect(new GroupsPage(page).row(G.viewer.name)).toHaveCount(0);

  await page.goto(groupsUrl(A, `group=${G.viewer.uuid}`));
  await expect(page.getByRole('dialog').getByText('This group was deleted, or is not yours to see')).toBeVisible();
});

test('a refused action keeps the row and says why', async ({ page, sim }) => {
  await sim.faults({ fail: [{ method: 'DELETE', path: `/api/offering-keycloak-groups/${G.xss.uuid}/`, status: 403 }] });
  await page.goto(groupsUrl(A));
  const menu = await new GroupsPage(page).openRowMenu(G.xss.name);
  await menu.getByRole('menuitem', { name: /Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not delete' })).toBeVisible();
  await expect(new GroupsPage(page).row(G.xss.name)).toBeVisible();
});

test('an unreachable Keycloak shows what failed where it failed', async ({ page }) => {
  const G2 = DEMO.groups.unreachable;
  await page.goto(groupsUrl(DEMO.offerings.unreachable.uuid, `group=${G2.members.uuid}`));
  const panel = page.getByRole('dialog');
  await expect(panel.getByRole('region', { name: 'Members in Waldur' }).getByRole('listitem').first()).toBeVisible({
    timeout: DETAIL_LOAD,
  });
  const remote = panel.getByRole('region', { name: 'Members in Keycloak' });
  await expect(remote.getByText('Could not list the members in Keycloak')).toBeVisible({ timeout: DETAIL_LOAD });
  await expect(remote).toContainText('Unable to list remote group members.');
  await expect(remote).toContainText('Check the Keycloak URL, realm and admin username and password');
  await expectAccessible(page, 'group detail with Keycloak down');
  await panel.getByRole('button', { name: 'Pull members' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not pull members' })).toContainText(
    'Unable to fetch members from Keycloak.',
  );
});

test('an offering without Keycloak says so instead of a table', async ({ page }) => {
  await page.goto(groupsUrl(DEMO.offerings.noKeycloak.uuid));
  await expect(page.getByText('Keycloak is not enabled for this offering')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups' })).toHaveCount(0);
});

test('an offering with no groups offers the next steps', async ({ page, sim }) => {
  const E = DEMO.offerings.misconfigured.uuid;
  await sim.api('staff', 'DELETE', `/api/offering-keycloak-groups/${DEMO.groups.misconfigured.analysts.uuid}/`);
  await page.goto(groupsUrl(E));
  await expect(page.getByRole('heading', { name: 'No groups yet' })).toBeVisible();
  const empty = page.getByRole('main').getByRole('link', { name: 'Import remote groups' }).last();
  await expect(empty).toHaveAttribute('href', `/offerings/${E}/import`);
  await expect(page.getByRole('link', { name: 'Add member' })).toHaveAttribute('href', `/offerings/${E}/members?add=1`);
  await expectAccessible(page, 'groups empty state');
});

test.describe('as the owner', () => {
  test.use({ account: 'owner' });
  test('can act on the groups of their organization', async ({ page }) => {
    await page.goto(groupsUrl(A));
    const menu = await new GroupsPage(page).openRowMenu(G.prodAdmin.name);
    await expect(menu.getByRole('menuitem', { name: /Delete/ })).toBeEnabled();
  });
});

test.describe('as the viewer', () => {
  test.use({ account: 'viewer' });
  test('sees why nothing is listed and why actions are disabled', async ({ page }) => {
    await page.goto(groupsUrl(A));
    await expect(page.getByRole('heading', { name: 'No groups you can see' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Test connection' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Import remote groups' })).toBeDisabled();
    await expect(page.getByText(/Test connection and import are disabled\. You cannot manage this offering/)).toBeVisible();
    await expectAccessible(page, 'groups tab for the viewer');
  });
});

test('a ?group= that names no group of the offering says so in place, with the way back to the list', async ({ page }) => {
  for (const value of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
    await page.goto(groupsUrl(A, `page_size=25&group=${value}`));
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('alert')).toContainText('This group was deleted, or is not yours to see');
    await panel.getByRole('alert').getByRole('button', { name: 'Close' }).click();
    await expect(panel).toBeHidden();
    // The rest of the URL's state stays; only the group is dropped.
    await expect(page).not.toHaveURL(/group=/);
    await expect(page).toHaveURL(/page_size=25/);
    await expect(page.getByRole('table', { name: 'Groups' }).getByRole('row')).toHaveCount(14);
  }
});
