import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect as baseExpect, expectAccessible, test, type SimControl } from './fixtures';
import { MembersPage } from './pages/members-page';

// The members check reads every linked group of the offering on both sides, and the group
// detail three lists: on a loaded machine that takes longer than the suite's 8 s default.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * Issue #15's "Done when": each fix of member drift works from a group's detail and from the
 * offering's members check. The drift is made behind Waldur's back with the simulator's
 * control API (as someone editing Keycloak directly would), and each fix is checked on the
 * server afterwards, not only on screen.
 */
const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
type Spec = { uuid: string; name: string; backendId: string };

const groupUrl = (group: Spec) => `/offerings/${A}/groups?group=${group.uuid}`;
const syncUrl = `/offerings/${A}/sync`;

type Membership = { uuid: string; username: string; email: string; state: string; error_message: string };

async function membershipsOf(sim: SimControl, group: Spec, username: string) {
  const { body } = await sim.api<Membership[]>(
    'staff',
    'GET',
    `/api/offering-keycloak-memberships/?group_uuid=${group.uuid}&username=${encodeURIComponent(username)}`,
  );
  return body;
}

async function remoteMembers(sim: SimControl, group: Spec) {
  const { body } = await sim.api<{ username: string; email: string }[]>(
    'staff',
    'GET',
    `/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${group.backendId}`,
  );
  return body.map((user) => user.username);
}

const joinRemote = (sim: SimControl, group: Spec, username: string) =>
  sim.call('POST', `/__sim/remote/groups/${group.backendId}/members`, { offering_uuid: A, username });
const leaveRemote = (sim: SimControl, group: Spec, username: string) =>
  sim.call('DELETE', `/__sim/remote/groups/${group.backendId}/members/${username}?offering_uuid=${A}`);
const changeRemoteEmail = (sim: SimControl, username: string, email: string) =>
  sim.call('PATCH', `/__sim/remote/users/${username}`, { offering_uuid: A, email });

// ---- the group's detail --------------------------------------------------------------------

function differences(page: Page) {
  return page.getByRole('dialog').getByRole('region', { name: 'Differences and fixes' });
}

function differenceLine(page: Page, username: string) {
  return differences(page).getByRole('row', { name: username, exact: true });
}

function waldurMember(page: Page, username: string) {
  return page
    .getByRole('dialog')
    .getByRole('region', { name: 'Members in Waldur' })
    .getByRole('listitem')
    .filter({ has: page.getByText(username, { exact: true }) });
}

async function fixResults(scope: Locator | Page) {
  const results = scope.getByRole('status').filter({ hasText: /^Fixed \d+ of \d+/ });
  await expect(results.getByRole('list', { name: 'Fix results' })).toBeVisible();
  return results;
}

test.describe('from the group detail', () => {
  test.slow();
  test('a user only in Keycloak becomes a member', async ({ page, sim }) => {
    await joinRemote(sim, G.climate, 'lonely.user');
    await page.goto(groupUrl(G.climate));
    const line = differenceLine(page, 'lonely.user');
    await expect(line).toContainText('Only in Keycloak');
    await expectAccessible(page, 'group detail with differences');

    await line.getByRole('button', { name: 'Add lonely.user to Waldur' }).click();
    const results = await fixResults(differences(page));
    await expect(results).toContainText('Fixed 1 of 1');
    await expect(results).toContainText('Member in Waldur (active); Keycloak lists the user in the group.');
    await expect(differenceLine(page, 'lonely.user')).toHaveCount(0);
    await expect(waldurMember(page, 'lonely.user')).toContainText('In both');
    const [created] = await membershipsOf(sim, G.climate, 'lonely.user');
    expect(created?.state).toBe('active');
    expect(created?.email).toBe('lonely@example.org');
  });

  test('a membership’s state has the same words and colour in the members list and in the drift table', async ({ page }) => {
    // Issue 29, item 18: PENDING was grey in the drift table and yellow in the lists, and an
    // erring membership "Flagged" in one and "Error" in the other.
    const badge = (scope: Locator, word: string) => scope.getByText(word, { exact: true });
    const look = (badgeText: Locator) =>
      badgeText.evaluate((element) => {
        const root = element.closest('.mantine-Badge-root') ?? element;
        const style = getComputedStyle(root);
        return { words: root.textContent?.trim(), background: style.backgroundColor, color: style.color };
      });
    const pending = 'visiting.scholar';
    const erring = DEMO.memberships.error.username;
    await page.goto(MembersPage.url(A, `username=${pending}`));
    const listPending = await look(badge(new MembersPage(page).member(pending, G.prodAdmin.name), 'Pending'));
    await page.goto(MembersPage.url(A, `username=${erring}`));
    const listError = await look(badge(new MembersPage(page).member(erring, G.prodAdmin.name), 'Error'));

    await page.goto(groupUrl(G.prodAdmin));
    expect(await look(badge(differenceLine(page, pending), 'Pending'))).toEqual(listPending);
    expect(await look(badge(differenceLine(page, erring), 'Error'))).toEqual(listError);
    expect(listPending.background).not.toEqual(listError.background);
  });

  test('a membership only in Waldur is removed', async ({ page, sim }) => {
    await leaveRemote(sim, G.prodAdmin, 'carol');
    await page.goto(groupUrl(G.prodAdmin));
    const line = differenceLine(page, 'carol');
    await expect(line).toContainText('Only in Waldur');

    await line.getByRole('button', { name: 'Remove carol from Waldur' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove 1 membership?' });
    await expect(confirm).toContainText('so they lose the access it grants');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    const results = await fixResults(differences(page));
    await expect(results).toContainText('Removed from Waldur; Keycloak does not list the user in the group.');
    await expect(differenceLine(page, 'carol')).toHaveCount(0);
    await expect(waldurMember(page, 'carol')).toHaveCount(0);
    expect(await membershipsOf(sim, G.prodAdmin, 'carol')).toEqual([]);
  });

  test('an email drift is fixed by Pull members and stays fixed when checked again', async ({ page, sim }) => {
    await changeRemoteEmail(sim, 'dave', 'dave.new@example.org');
    await page.goto(groupUrl(G.prodAdmin));
    const line = differenceLine(page, 'dave');
    await expect(line).toContainText('Details differ');
    await expect(line).toContainText(/Email: Waldur “[^”]+”, Keycloak “dave\.new@example\.org”/);

    await line.getByRole('button', { name: 'Pull the group’s members for dave' }).click();
    const results = await fixResults(differences(page));
    await expect(results).toContainText(/Pulled: \d+ created, [1-9]\d* updated/);
    await expect(differenceLine(page, 'dave')).toHaveCount(0);
    expect((await membershipsOf(sim, G.prodAdmin, 'dave'))[0]?.email).toBe('dave.new@example.org');

    await page.getByRole('dialog').getByRole('button', { name: 'Refresh members' }).click();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Refresh members' })).not.toHaveAttribute('data-loading');
    await expect(waldurMember(page, 'dave')).toContainText('dave.new@example.org');
    await expect(differenceLine(page, 'dave')).toHaveCount(0);
  });

  test('a flagged membership is re-added', async ({ page, sim }) => {
    const flagged = DEMO.memberships.error;
    await page.goto(groupUrl(G.prodAdmin));
    const line = differenceLine(page, flagged.username);
    await expect(line.getByText('Error', { exact: true })).toBeVisible();
    await expect(line).toContainText(flagged.message);

    await line.getByRole('button', { name: `Re-add ${flagged.username}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Re-add 1 membership?' });
    await expect(confirm).toContainText('deletes each membership and creates it again');
    await confirm.getByRole('button', { name: 'Re-add' }).click();
    const results = await fixResults(differences(page));
    await expect(results).toContainText('Re-added in Waldur (active); Keycloak lists the user in the group.');
    await expect(differenceLine(page, flagged.username)).toHaveCount(0);
    await expect(waldurMember(page, flagged.username)).toContainText('In both');

    const [readded] = await membershipsOf(sim, G.prodAdmin, flagged.username);
    expect(readded?.uuid).not.toBe(flagged.uuid);
    expect(readded?.state).toBe('active');
    expect(readded?.error_message).toBe('');
    expect(await remoteMembers(sim, G.prodAdmin)).toContain(flagged.username);
  });
});

// ---- the members check ---------------------------------------------------------------------

function membersCheck(page: Page) {
  return page.getByRole('region', { name: 'Members check' });
}

function progress(page: Page) {
  return membersCheck(page).getByText(/^(Checking|Checked|Cancelled|Interrupted): /);
}

/** The row of one difference: its selection checkbox names the member and the group. */
function finding(page: Page, username: string, group: Spec) {
  return membersCheck(page)
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Select ${username} in ${group.name}`, exact: true }) });
}

async function checkAll(page: Page) {
  await page.goto(syncUrl);
  await membersCheck(page)
    .getByRole('button', { name: /^Check all members/ })
    .click();
  await expect(progress(page)).toHaveText(/^Checked: /);
}

test.describe('from the members check', () => {
  test.slow();
  test('a user only in Keycloak becomes a member', async ({ page, sim }) => {
    await joinRemote(sim, G.genomics, 'lonely.user');
    await checkAll(page);
    const row = finding(page, 'lonely.user', G.genomics);
    await expect(row).toContainText('Only in Keycloak');
    await expectAccessible(page, 'members check with findings');

    await row.getByRole('button', { name: 'Add lonely.user to Waldur' }).click();
    const results = await fixResults(membersCheck(page));
    await expect(results).toContainText('Member in Waldur (active); Keycloak lists the user in the group.');
    // The fix re-reads the group's two sides: the line is gone because the servers agree now.
    await expect(finding(page, 'lonely.user', G.genomics)).toHaveCount(0);
    expect((await membershipsOf(sim, G.genomics, 'lonely.user'))[0]?.state).toBe('active');
  });

  test('the differences shown can be narrowed by kind, kept in the address', async ({ page, sim }) => {
    await joinRemote(sim, G.genomics, 'lonely.user');
    await leaveRemote(sim, G.climate, 'bob');
    await checkAll(page);
    const kinds = membersCheck(page).getByRole('group', { name: 'Show differences' });
    const keycloakOnly = kinds.getByRole('checkbox', { name: /^Only in Keycloak \(\d+\)$/ });
    await expect(keycloakOnly).toBeChecked();
    await expect(finding(page, 'lonely.user', G.genomics)).toHaveCount(1);

    // The filter is the address's: the box shows it once the router has the new address.
    await keycloakOnly.click();
    await expect(keycloakOnly).not.toBeChecked();
    await expect(finding(page, 'lonely.user', G.genomics)).toHaveCount(0);
    await expect(finding(page, 'bob', G.climate)).toHaveCount(1);
    await expect(page).toHaveURL(/drift=/);
    await page.reload();
    await expect(keycloakOnly).not.toBeChecked();
    await expect(finding(page, 'bob', G.climate)).toHaveCount(1);
    await expect(finding(page, 'lonely.user', G.genomics)).toHaveCount(0);

    // Every kind ticked again: the address forgets the filter.
    await keycloakOnly.click();
    await expect(keycloakOnly).toBeChecked();
    await expect(finding(page, 'lonely.user', G.genomics)).toHaveCount(1);
    await expect(page).not.toHaveURL(/drift=/);
  });

  test('a membership only in Waldur is removed', async ({ page, sim }) => {
    await leaveRemote(sim, G.climate, 'bob');
    await checkAll(page);
    const row = finding(page, 'bob', G.climate);
    await expect(row).toContainText('Only in Waldur');

    await row.getByRole('button', { name: 'Remove bob from Waldur' }).click();
    await page.getByRole('dialog', { name: 'Remove 1 membership?' }).getByRole('button', { name: 'Remove' }).click();
    const results = await fixResults(membersCheck(page));
    await expect(results).toContainText('Removed from Waldur; Keycloak does not list the user in the group.');
    await expect(finding(page, 'bob', G.climate)).toHaveCount(0);
    expect(await membershipsOf(sim, G.climate, 'bob')).toEqual([]);
    // bob's other memberships are untouched.
    expect(await membershipsOf(sim, G.viewer, 'bob')).toHaveLength(1);
  });

  test('an email drift is fixed by Pull members and disappears on re-check', async ({ page, sim }) => {
    await changeRemoteEmail(sim, 'dave', 'dave.new@example.org');
    await checkAll(page);
    // dave is a member of two groups: each shows the drift, and each is fixed on its own.
    await expect(finding(page, 'dave', G.prodAdmin)).toContainText('Details differ');
    const row = finding(page, 'dave', G.viewer);
    await expect(row).toContainText(/Email: Waldur “[^”]+”, Keycloak “dave\.new@example\.org”/);

    await row.getByRole('button', { name: 'Pull the group’s members for dave' }).click();
    const results = await fixResults(membersCheck(page));
    await expect(results).toContainText(`Pull members ${G.viewer.name}: Pulled:`);
    await expect(finding(page, 'dave', G.viewer)).toHaveCount(0);
    expect((await membershipsOf(sim, G.viewer, 'dave'))[0]?.email).toBe('dave.new@example.org');

    await membersCheck(page).getByRole('button', { name: 'Check all members again' }).click();
    await expect(progress(page)).toHaveText(/^Checked: /);
    await expect(finding(page, 'dave', G.viewer)).toHaveCount(0);
    await expect(finding(page, 'dave', G.prodAdmin)).toContainText('Details differ');
  });

  test('a flagged membership is re-added', async ({ page, sim }) => {
    const flagged = DEMO.memberships.removedRemotely;
    await sim.tick(); // Waldur's periodic check flags the membership whose user left the group.
    await checkAll(page);
    const row = finding(page, flagged.username, G.genomics);
    await expect(row.getByText('Error', { exact: true })).toBeVisible();
    await expect(row).toContainText('User was removed from the Keycloak group externally.');

    await row.getByRole('button', { name: `Re-add ${flagged.username}` }).click();
    await page.getByRole('dialog', { name: 'Re-add 1 membership?' }).getByRole('button', { name: 'Re-add' }).click();
    const results = await fixResults(membersCheck(page));
    await expect(results).toContainText('Re-added in Waldur (active); Keycloak lists the user in the group.');
    await expect(finding(page, flagged.username, G.genomics)).toHaveCount(0);
    const [readded] = await membershipsOf(sim, G.genomics, flagged.username);
    expect(readded?.error_message).toBe('');
    expect(await remoteMembers(sim, G.genomics)).toContain(flagged.username);
  });

  test('a check cancelled half-way keeps what it found, across a reload', async ({ page, sim }) => {
    // One group's Keycloak side answers late, so the check is still running when the others
    // are done: the test waits for that state, then cancels.
    await sim.faults({ slow: [{ path: 'remote_group_members', query: { group_id: G.viewer.backendId }, ms: 20_000 }] });
    const flagged = DEMO.memberships.error;
    await page.goto(syncUrl);
    await membersCheck(page).getByRole('button', { name: 'Check all members' }).click();
    await expect(finding(page, flagged.username, G.prodAdmin).getByText('Error', { exact: true })).toBeVisible();
    // Every group but the slow one is done (read, or failed), and the check still runs.
    const counts = async () => {
      const [, read = '', total = '', failed = '0'] =
        /^Checking: (\d+) of (\d+) linked groups read(?:, (\d+) failed)?/.exec((await progress(page).textContent()) ?? '') ?? [];
      return { read, total, left: Number(total) - Number(read) - Number(failed) };
    };
    await expect.poll(async () => (await counts()).left).toBe(1);
    const { read, total } = await counts();
    await membersCheck(page).getByRole('button', { name: 'Cancel check' }).click();

    await expect(progress(page)).toHaveText(new RegExp(`^Cancelled: ${read} of ${total} linked groups read`));
    await expect(finding(page, flagged.username, G.prodAdmin)).toBeVisible();
    const rest = membersCheck(page).getByRole('button', { name: 'Check the rest (1)' });
    await expect(rest).toBeVisible();

    await page.reload();
    await expect(progress(page)).toHaveText(new RegExp(`^Cancelled: ${read} of ${total} linked groups read.*Read `));
    await expect(finding(page, flagged.username, G.prodAdmin)).toBeVisible();

    await sim.faults({});
    await rest.click();
    await expect(progress(page)).toHaveText(/^Checked: /);
    // The slow group was read this time: alice's stale last name in it is found.
    await expect(finding(page, 'alice', G.viewer)).toContainText('Details differ');
    await expect(finding(page, flagged.username, G.prodAdmin)).toBeVisible();
  });
});
