import { readFile } from 'node:fs/promises';
import { DEMO } from '../sim/src/seed/demo.ts';
import { LARGE } from '../sim/src/seed/large.ts';
import { expect, expectAccessible, test, type SimControl } from './fixtures';
import { pick } from './pages/controls';
import { MembersPage } from './pages/members-page';

const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
const membersUrl = (query = '', offering = A) => `/offerings/${offering}/members${query ? `?${query}` : ''}`;

type Membership = { uuid: string; username: string; email: string; group_name: string; state: string; error_message: string };

async function membershipsOf(sim: SimControl, username: string, offering = A) {
  const { body } = await sim.api<Membership[]>(
    'staff',
    'GET',
    `/api/offering-keycloak-memberships/?offering_uuid=${offering}&username=${encodeURIComponent(username)}&page_size=300`,
  );
  return body;
}

test('lists memberships with their states; error shows its message and, for staff, the traceback on demand', async ({ page }) => {
  await page.goto(membersUrl('page_size=50'));
  const table = new MembersPage(page).table;
  await expect(page.getByText('1–47 of 47 members')).toBeVisible();
  const failed = new MembersPage(page).member(DEMO.memberships.pendingError.username, G.devAdmin.name);
  await expect(failed.getByText('Error', { exact: true })).toBeVisible();
  await expect(failed.getByText('(Pending)')).toBeVisible();
  await expect(failed).toContainText(DEMO.memberships.pendingError.message);
  await expect(failed.getByRole('button', { name: 'Show traceback' })).toHaveAttribute('aria-expanded', 'false');
  await failed.getByRole('button', { name: 'Show traceback' }).click();
  await expect(failed.getByLabel('Traceback')).toBeVisible();
  await expect(failed.getByLabel('Traceback')).toContainText('Traceback');
  const removed = new MembersPage(page).member(DEMO.memberships.error.username, G.prodAdmin.name);
  await expect(removed.getByText('Error', { exact: true })).toBeVisible();
  await expect(removed).toContainText('(Active)');
  // Hostile usernames render as text.
  await expect(table.getByText('<script>alert("x")</script>', { exact: true })).toBeVisible();

  // Filters live in the URL: states (several at once), role, username.
  await page.getByRole('checkbox', { name: 'Pending', exact: true }).check();
  await expect(page).toHaveURL(/state=pending/);
  await expect(table.getByRole('button', { name: 'Pending' }).first()).toBeVisible();
  await expect(table.getByText('Active', { exact: true })).toHaveCount(0);
  const pendingTotal = await page.getByText(/of \d+ members/).textContent();
  // Scanned with fewer rows (faster), the error row with its traceback open among them.
  await expect(failed.getByLabel('Traceback')).toBeVisible();
  await expectAccessible(page, 'members tab');
  await page.getByRole('checkbox', { name: 'Active', exact: true }).check();
  await expect(page).toHaveURL(/state=pending&state=active|state=active&state=pending/);
  await expect(page.getByText('1–47 of 47 members')).toBeVisible();
  expect(pendingTotal).not.toContain('47 members');
  await page.getByRole('textbox', { name: 'Exact username' }).fill('alice');
  await expect(page).toHaveURL(/username=alice/);
  await expect(page.getByText(/of 3 members$/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Exact username' })).toHaveValue('alice');
  await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).toBeChecked();
  await expect(page.getByText(/of 3 members$/)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByText('1–47 of 47 members')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Exact username' })).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).not.toBeChecked();
});

test('add member: a server error lands under its field, then pending, then active after the periodic check', async ({ page, sim }) => {
  await page.goto(membersUrl());
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page).toHaveURL(/add=1/);
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  // Alpha calls usernames what its Keycloak settings say (keycloak_username_label).
  await dialog.getByRole('combobox', { name: 'LDAP username', exact: true }).fill('new.colleague');
  // Looks like an address (has an "@"), but Waldur's validator wants a domain with a dot.
  await dialog.getByRole('textbox', { name: 'Email' }).fill('new.colleague@example');
  await pick(dialog, 'Role', 'Viewer', { exact: true });
  await expect(dialog).toContainText(`Group: ${G.viewer.name}`);
  await expectAccessible(page, 'add member form');

  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/offering-keycloak-memberships/')) posts += 1;
  });
  await dialog.getByRole('button', { name: 'Add member' }).dblclick();
  await expect(dialog.getByText('Enter a valid email address.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('combobox', { name: 'Username' })).toHaveValue('new.colleague');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('new.colleague@example');
  expect(posts).toBe(1);

  await dialog.getByRole('textbox', { name: 'Email' }).fill('new.colleague@example.org');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/add=1/);
  await expect(page.getByText(`new.colleague added to ${G.viewer.name}`)).toBeVisible();
  expect(posts).toBe(2);
  const row = new MembersPage(page).member('new.colleague', G.viewer.name);
  await expect(row.getByRole('button', { name: 'Pending' })).toBeVisible();

  // The user appears in Keycloak; Waldur's periodic check activates the membership.
  await sim.call('POST', '/__sim/remote/users', {
    offering_uuid: A,
    username: 'new.colleague',
    email: 'new.colleague@example.org',
    first_name: 'Nova',
    last_name: 'Colleague',
  });
  await sim.tick();
  await page.reload();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await expect(row).toContainText('Nova Colleague');
});

test('add member: typing a username suggests Keycloak users and fills the email', async ({ page, sim }) => {
  await page.goto(membersUrl('add=1'));
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByRole('combobox', { name: 'Username' }).pressSequentially('jurg');
  await page.getByRole('option', { name: /^jurgen\.muller/ }).click();
  await expect(dialog.getByRole('combobox', { name: 'Username' })).toHaveValue('jurgen.muller');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).not.toHaveValue('');
  const email = await dialog.getByRole('textbox', { name: 'Email' }).inputValue();
  await pick(dialog, 'Role', 'Operator', { exact: true });
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toBeHidden();
  const added = (await membershipsOf(sim, 'jurgen.muller')).find((membership) => membership.group_name === G.unlinked.name);
  expect(added).toMatchObject({ email, state: 'active' });
  // The groups tab links here with add=1; closing the form takes the parameter away.
  await page.goto(membersUrl('add=1'));
  await expect(page.getByRole('dialog', { name: 'Add member' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Add member' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page).not.toHaveURL(/add=1/);
});

test('the add member form keeps its values across an expired session and a new sign-in', async ({ page, sim }) => {
  await page.goto(membersUrl());
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByRole('combobox', { name: 'Username' }).fill('draft.user');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('draft.user@example.org');
  await pick(dialog, 'Role', 'Operator', { exact: true });
  await dialog.getByRole('textbox', { name: 'Scope ID' }).fill('ns-draft');
  await sim.faults({ expireTokens: true });
  await dialog.getByRole('button', { name: 'Add member' }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByText('Your session has expired')).toBeVisible();
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('staff');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(new RegExp(`/offerings/${A}/members\\?add=1`));
  const restored = page.getByRole('dialog', { name: 'Add member' });
  await expect(restored.getByRole('combobox', { name: 'Username' })).toHaveValue('draft.user');
  await expect(restored.getByRole('textbox', { name: 'Email' })).toHaveValue('draft.user@example.org');
  await expect(restored.getByRole('combobox', { name: 'Role', exact: true })).toHaveValue('Operator');
  await expect(restored.getByRole('textbox', { name: 'Scope ID' })).toHaveValue('ns-draft');
  await restored.getByRole('button', { name: 'Add member' }).click();
  await expect(restored).toBeHidden();
  expect(await membershipsOf(sim, 'draft.user')).toHaveLength(1);
});

test('another user signing in after an expired session gets neither the page nor the drafts of the previous one', async ({ page, sim }) => {
  test.slow();
  await page.goto(membersUrl('add=1'));
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByRole('combobox', { name: 'Username' }).fill('staff.draft');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('staff.draft@example.org');
  await pick(dialog, 'Role', 'Operator', { exact: true });
  await sim.faults({ expireTokens: true });
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/, { timeout: 20_000 });
  await expect(page.getByText('Your session has expired')).toBeVisible();
  await page.getByLabel('Username').fill('owner');
  await page.getByLabel('Password', { exact: true }).fill('owner');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/offerings$/, { timeout: 20_000 });
  await page.goto(membersUrl('add=1'));
  const fresh = page.getByRole('dialog', { name: 'Add member' });
  await expect(fresh.getByRole('combobox', { name: 'Username' })).toHaveValue('', { timeout: 20_000 });
  await expect(fresh.getByRole('textbox', { name: 'Email' })).toHaveValue('');
});

test('an active member removed from the Keycloak group directly shows an error badge after the periodic check', async ({ page, sim }) => {
  await sim.call('DELETE', `/__sim/remote/groups/${G.viewer.backendId}/members/alice?offering_uuid=${A}`);
  await sim.tick();
  await page.goto(membersUrl('username=alice'));
  const row = new MembersPage(page).member('alice', G.viewer.name);
  await expect(row.getByText('Error', { exact: true })).toBeVisible();
  await expect(row).toContainText('(Active)');
  await expect(row).toContainText('User was removed from the Keycloak group externally. Re-add or delete this membership.');
});

test('removing the last member warns that the group is deleted in Waldur and Keycloak', async ({ page, sim }) => {
  // A group with one member, linked to a remote group that exists.
  await page.goto(membersUrl());
  const created = await sim.api<{ uuid: string; group: string; group_name: string }>(
    'staff',
    'POST',
    '/api/offering-keycloak-memberships/',
    {
      username: 'carol',
      email: 'carol@example.org',
      offering: `${new URL(page.url()).origin}/api/marketplace-provider-offerings/${A}/`,
      role: `/api/marketplace-offering-user-roles/${DEMO.roles.a.operator.uuid}/`,
      resource: `/api/marketplace-resources/${DEMO.resources.aArchive.uuid}/`,
    },
  );
  expect(created.status).toBe(201);
  const groupUuid = created.body.group.split('/').filter(Boolean).pop() ?? '';
  const { body: group } = await sim.api<{ backend_id: string; name: string }>(
    'staff',
    'GET',
    `/api/offering-keycloak-groups/${groupUuid}/`,
  );
  await page.goto(membersUrl(`group=${groupUuid}`));
  await expect(page.getByText('1–1 of 1 member')).toBeVisible();
  await new MembersPage(page).memberAction('carol', group.name, 'Remove');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    `This is the last member of “${group.name}”: removing them deletes the group in Waldur and in Keycloak.`,
  );
  await expectAccessible(page, 'remove last member confirmation');
  await dialog.getByRole('button', { name: 'Remove and delete group' }).click();
  await expect(page.getByRole('heading', { name: 'No members match these filters' })).toBeVisible();
  expect((await sim.api('staff', 'GET', `/api/offering-keycloak-groups/${groupUuid}/`)).status).toBe(404);
  const remote = await sim.call<Array<{ id: string }>>('GET', `/__sim/remote/groups?offering_uuid=${A}`);
  expect(remote.map((g) => g.id)).not.toContain(group.backend_id);

  // An ordinary member: no group deletion is announced.
  await page.goto(membersUrl('username=alice'));
  await new MembersPage(page).memberAction('alice', G.viewer.name, 'Remove');
  await expect(page.getByRole('dialog')).not.toContainText('deletes the group');
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(new MembersPage(page).member('alice', G.viewer.name)).toHaveCount(0);
  expect((await membershipsOf(sim, 'alice')).map((membership) => membership.group_name)).not.toContain(G.viewer.name);
});

test('change group adds the new membership, then removes the old one; a failed removal leaves both visible', async ({ page, sim }) => {
  await page.goto(membersUrl('username=alice'));
  await new MembersPage(page).memberAction('alice', G.viewer.name, 'Change group');
  let dialog = page.getByRole('dialog', { name: 'Change group of alice' });
  await expect(dialog).toContainText(`Current group: ${G.viewer.name}`);
  await pick(dialog, 'Role', 'Operator', { exact: true });
  await dialog.getByRole('button', { name: 'Change group' }).click();
  await expect(dialog).toBeHidden();
  await expect(new MembersPage(page).member('alice', G.unlinked.name)).toBeVisible();
  await expect(new MembersPage(page).member('alice', G.viewer.name)).toHaveCount(0);
  let groups = (await membershipsOf(sim, 'alice')).map((membership) => membership.group_name);
  expect(groups).toContain(G.unlinked.name);
  expect(groups).not.toContain(G.viewer.name);

  // Second step fails: the user keeps both memberships and is told so.
  await sim.faults({ fail: [{ method: 'DELETE', path: '/offering-keycloak-memberships/', times: 1, status: 500 }] });
  await new MembersPage(page).memberAction('alice', G.unlinked.name, 'Change group');
  dialog = page.getByRole('dialog', { name: 'Change group of alice' });
  await pick(dialog, 'Role', 'Viewer', { exact: true });
  await dialog.getByRole('button', { name: 'Change group' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Added to the new group, but the old membership is still there');
  await expect(dialog.getByRole('alert')).toContainText('Both memberships are listed now');
  await dialog.getByRole('button', { name: 'Keep both for now' }).click();
  await expect(new MembersPage(page).member('alice', G.viewer.name)).toBeVisible();
  await expect(new MembersPage(page).member('alice', G.unlinked.name)).toBeVisible();
  groups = (await membershipsOf(sim, 'alice')).map((membership) => membership.group_name);
  expect(groups).toEqual(expect.arrayContaining([G.viewer.name, G.unlinked.name]));
});

test('bulk remove across pages: one confirmation listing who, progress, per-row results, the failure stays selected', async ({
  page,
  sim,
}) => {
  await page.goto(membersUrl());
  const table = new MembersPage(page).table;
  const boxes = table.getByRole('checkbox', { name: /^Select .+ in / });
  const picked: string[] = [];
  const selectRow = async (index: number) => {
    const box = boxes.nth(index);
    picked.push(((await box.getAttribute('aria-label')) ?? '').replace(/^Select /, ''));
    await box.check();
  };
  await selectRow(0);
  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page.getByText('11–20 of 47 members')).toBeVisible();
  await selectRow(0);
  await selectRow(1);
  await expect(page.getByText('3 members selected (on several pages)')).toBeVisible();

  await sim.faults({ fail: [{ method: 'DELETE', path: '/offering-keycloak-memberships/', skip: 1, times: 1, status: 500 }] });
  await page.getByRole('button', { name: 'Remove selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 3 members?' });
  const who = dialog.getByRole('list', { name: 'Members to remove' });
  await expect(who.getByRole('listitem')).toHaveCount(3);
  for (const entry of picked) {
    const [username] = entry.split(' in ');
    await expect(who).toContainText(username as string);
  }
  await dialog.getByRole('button', { name: 'Remove 3 members' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Removed 2 of 3 members; 1 failed' });
  await expect(status).toBeVisible();
  const results = status.getByRole('list', { name: 'Removal results' });
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await expect(results.getByRole('listitem').filter({ hasText: 'not removed' })).toHaveCount(1);
  await expect(results).toContainText('The server failed to handle the request (HTTP 500)');
  await expect(page.getByText('1 member selected')).toBeVisible();
  await expect(page.getByText('11–20 of 45 members')).toBeVisible();

  // Retry the failed one.
  await page.getByRole('button', { name: 'Remove selected' }).click();
  await page.getByRole('dialog', { name: 'Remove 1 member?' }).getByRole('button', { name: 'Remove 1 member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1 member' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove selected' })).toHaveCount(0);
  await expect(page.getByText('of 44 members')).toBeVisible();
});

test('Export CSV writes every membership matching the filters, across pages', async ({ page, sim }) => {
  await sim.reset({ seed: 'large', large: { localGroups: 40, remoteGroups: 40, memberships: 700, remoteUsers: 200 } });
  // The reset replaced the signed-in token; the seed's own staff token still works.
  await page.addInitScript((token) => window.sessionStorage.setItem('waldur-kc.token', token), DEMO.tokens.staff);
  const omega = LARGE.offering.uuid;
  const { headers } = await sim.api('staff', 'GET', `/api/offering-keycloak-memberships/?offering_uuid=${omega}&page_size=1`);
  const total = Number(headers.get('X-Result-Count'));
  expect(total).toBeGreaterThan(600);

  await page.goto(membersUrl('', omega));
  await expect(page.getByText(`1–10 of ${total.toLocaleString('en-US')} members`)).toBeVisible();
  const pages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/offering-keycloak-memberships/') && request.url().includes('page_size=300'))
      pages.push(new URL(request.url()).searchParams.get('page') ?? '');
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^members-omega-supercomputer-large-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(
    'Username,First name,Last name,Email,Group,Role,Resource,Scope ID,State,Error,Created,Last checked,Membership UUID',
  );
  expect(lines).toHaveLength(total + 1);
  expect(pages.sort()).toEqual(['1', '2', '3']);
  const uuids = new Set(lines.slice(1).map((line) => line.split(',').at(-1)));
  expect(uuids.size).toBe(total);
  await expect(page.getByText(`${total.toLocaleString('en-US')} memberships exported to CSV.`)).toBeVisible();

  // With a filter: only the matching rows.
  await page.getByRole('checkbox', { name: 'Pending', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).toBeChecked();
  const pendingCount = Number(
    (await sim.api('staff', 'GET', `/api/offering-keycloak-memberships/?offering_uuid=${omega}&state=pending&page_size=1`)).headers.get(
      'X-Result-Count',
    ),
  );
  await expect(page.getByText(new RegExp(`of ${pendingCount} members`))).toBeVisible();
  const [filtered] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const filteredLines = (await readFile((await filtered.path()) as string, 'utf8')).split('\r\n').filter(Boolean);
  expect(filteredLines).toHaveLength(pendingCount + 1);
  expect(filteredLines.slice(1).every((line) => line.includes(',pending,'))).toBe(true);
});

test('a remove with Keycloak down warns that Keycloak was not updated, and never says "removed" there', async ({ page, sim }) => {
  await page.goto(membersUrl('username=alice'));
  await expect(new MembersPage(page).member('alice', G.viewer.name)).toBeVisible();
  await sim.faults({ keycloakDown: [A] });
  await new MembersPage(page).memberAction('alice', G.viewer.name, 'Remove');
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
  const note = page.getByRole('alert').filter({ hasText: 'alice removed in Waldur only; Keycloak could not be checked' });
  await expect(note).toContainText('so it was probably not updated: alice may still be in the group there and keep its access');
  await expect(note).not.toContainText('in Waldur and Keycloak');
  await expect(new MembersPage(page).member('alice', G.viewer.name)).toHaveCount(0);
  // Waldur forgot the membership; Keycloak still has the user in the group.
  const realm = await sim.call<{ id: string; members: string[] }[]>('GET', `/__sim/remote/groups?offering_uuid=${A}`);
  expect(realm.find((group) => group.id === G.viewer.backendId)?.members).toContain('alice');
});

test('bulk remove with one remote failure: each row says what Keycloak shows, the fix is given once', async ({ page, sim }) => {
  await page.goto(membersUrl(`group=${G.viewer.uuid}`));
  for (const username of ['alice', 'bob', 'carol']) {
    await new MembersPage(page).table.getByRole('checkbox', { name: `Select ${username} in ${G.viewer.name}`, exact: true }).check();
  }
  await sim.faults({ keycloakRejects: [{ username: 'bob' }] });
  await page.getByRole('button', { name: 'Remove selected' }).click();
  await page.getByRole('dialog', { name: 'Remove 3 members?' }).getByRole('button', { name: 'Remove 3 members' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Removed 3 members; 1 not confirmed in Keycloak' });
  await expect(status).toBeVisible();
  const results = status.getByRole('list', { name: 'Removal results' });
  const rowOf = (username: string) => results.getByRole('listitem').filter({ hasText: `${username} in` });
  await expect(rowOf('bob')).toContainText('Keycloak still lists bob in the group, so they keep the access it grants');
  await expect(rowOf('alice')).toContainText('Keycloak no longer lists alice in the group.');
  await expect(rowOf('carol')).toContainText('Keycloak no longer lists carol in the group.');
  await expect(status).toContainText('Remove them from the group in Keycloak');
  await expectAccessible(page, 'bulk remove results with a warning');
  await page.screenshot({ path: '/tmp/b-bulk.png' });
  const { body: members } = await sim.api<{ username: string }[]>(
    'staff',
    'GET',
    `/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${G.viewer.backendId}`,
  );
  expect(members.map((member) => member.username)).toContain('bob');
  expect(members.map((member) => member.username)).not.toContain('alice');
});

test('add member: a username Keycloak has no exact match for warns whom Waldur would add instead', async ({ page }) => {
  await page.goto(membersUrl());
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  const username = dialog.getByRole('combobox', { name: 'Username' });
  await username.fill('ali');
  const warning = dialog.getByRole('note').filter({ hasText: 'Waldur may add another user' });
  await expect(warning).toContainText('Keycloak has no user “ali”. Waldur adds the first user whose username contains it: alice');
  await username.press('Tab'); // closes the suggestions
  await expectAccessible(page, 'add member substitute warning');
  // An exact match, or a name no username contains, gives no warning (the latter stays pending).
  for (const text of ['alice', 'nobody.here']) {
    const answered = page.waitForResponse(
      (response) => response.url().includes('search_remote_users') && response.url().includes(`q=${text}`),
    );
    await username.fill(text);
    await answered;
    await expect(warning).toHaveCount(0);
  }
  // The warning does not block adding.
  await username.fill('ali');
  await expect(warning).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add member' })).toBeEnabled();
});
