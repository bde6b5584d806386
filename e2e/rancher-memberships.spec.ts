import { readFile } from 'node:fs/promises';
import type { Page, Request } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test, type SimControl } from './fixtures';
import { pick } from './pages/controls';
import { RancherMembershipsPage } from './pages/rancher-memberships-page';

const R = DEMO.rancher;
const ENDPOINT = '/api/keycloak-user-group-memberships/';
const pageUrl = (query = '') => `/rancher-memberships${query ? `?${query}` : ''}`;

type Membership = {
  uuid: string;
  username: string;
  email: string;
  state: string;
  group: string;
  group_role: string;
  group_scope_type: string;
  group_scope_name: string | null;
};

async function membershipsOf(sim: SimControl, username: string) {
  const { body } = await sim.api<Membership[]>('staff', 'GET', `${ENDPOINT}?username=${encodeURIComponent(username)}&page_size=300`);
  return body;
}

async function membershipOf(sim: SimControl, username: string): Promise<Membership> {
  const [found] = await membershipsOf(sim, username);
  if (!found) throw new Error(`no Rancher membership of ${username} in the seed`);
  return found;
}

/** Counts the writes the page sends to the memberships endpoint. */
function recordWrites(page: Page): Request[] {
  const writes: Request[] = [];
  page.on('request', (request) => {
    if (request.url().includes(ENDPOINT) && !['GET', 'HEAD'].includes(request.method())) writes.push(request);
  });
  return writes;
}

test('lists memberships with their states, filters them and keeps the filters across a reload', async ({ page }) => {
  await page.goto(pageUrl());
  await expect(page.getByRole('heading', { name: 'Rancher memberships', level: 1 })).toBeVisible();
  await expect(page.getByText('1–10 of 10 memberships')).toBeVisible();
  const alice = new RancherMembershipsPage(page).membership('alice', 'Cluster aurora-prod');
  await expect(alice).toContainText('Alice Andersson-Berg');
  await expect(alice).toContainText('alice@uni-example.org');
  await expect(alice).toContainText(R.groups.prodOwners.name.slice(0, 20));
  await expect(alice).toContainText('Cluster Owner');
  await expect(alice.getByText('Active', { exact: true })).toBeVisible();
  const pending = new RancherMembershipsPage(page).membership('new.engineer', 'Project ml-platform');
  await expect(pending.getByRole('button', { name: 'Pending' })).toBeVisible();
  await expect(pending.getByRole('button', { name: 'Pending' })).toHaveAccessibleDescription(/does not exist in Keycloak yet/);
  const failed = new RancherMembershipsPage(page).membership('r.departed', 'Project web-frontend');
  await expect(failed.getByText('Error', { exact: true })).toBeVisible();
  await expect(failed).toContainText('(Active)');
  await expect(failed).toContainText('User was removed from the Keycloak group externally.');
  await expectAccessible(page, 'rancher memberships');

  // State (several at once) and scope type.
  // (The URL is the state: a click is followed by a navigation, so check the outcome, not the click.)
  await page.getByRole('checkbox', { name: 'Pending', exact: true }).click();
  await expect(page).toHaveURL(/state=pending/);
  await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).toBeChecked();
  await expect(page.getByText('1–2 of 2 memberships')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Active', exact: true }).click();
  await expect(page).toHaveURL(/state=pending&state=active/);
  await expect(page.getByText('1–10 of 10 memberships')).toBeVisible();
  await pick(page, 'Scope type', 'Project', { exact: true });
  await expect(page).toHaveURL(/scope_type=project/);
  await expect(page.getByText('1–5 of 5 memberships')).toBeVisible();

  // Cluster or project, role, group: pickers fed by the Rancher endpoints.
  await pick(page, 'Cluster or project', /^ml-platform/);
  await expect(page).toHaveURL(new RegExp(`scope=${R.projects.mlPlatform.uuid}`));
  await expect(page.getByText('1–3 of 3 memberships')).toBeVisible();
  await pick(page, 'Role', /^Project Member \(project, Aurora Rancher\)/);
  await expect(page).toHaveURL(new RegExp(`role=${R.roleTemplates.projectMember.uuid}`));
  await pick(page, 'Group', 'Project ml-platform · Project Member');
  await expect(page).toHaveURL(new RegExp(`group=${R.groups.mlMembers.uuid}`));
  await expect(page.getByText('1–3 of 3 memberships')).toBeVisible();

  // Exact text filters.
  await page.getByRole('textbox', { name: 'Exact username' }).fill('new.engineer');
  await expect(page).toHaveURL(/username=new\.engineer/);
  await expect(page.getByText('1–1 of 1 membership')).toBeVisible();
  await page.getByRole('textbox', { name: 'Exact email' }).fill('new.engineer@example.org');
  await expect(page).toHaveURL(/email=new\.engineer%40example\.org/);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Exact username' })).toHaveValue('new.engineer');
  await expect(page.getByRole('textbox', { name: 'Exact email' })).toHaveValue('new.engineer@example.org');
  await expect(page.getByRole('checkbox', { name: 'Pending', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Active', exact: true })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Scope type' })).toHaveValue('Project');
  await expect(page.getByRole('combobox', { name: 'Cluster or project' })).toHaveValue('ml-platform (in aurora-prod)');
  await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue(/^Project Member/);
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveValue('Project ml-platform · Project Member');
  await expect(page.getByText('1–1 of 1 membership')).toBeVisible();
  await expect(new RancherMembershipsPage(page).membership('new.engineer', 'Project ml-platform')).toBeVisible();

  // First and last name, then nothing matches: an empty state that offers to clear.
  await page.getByRole('textbox', { name: 'Exact first name' }).fill('Nobody');
  await page.getByRole('textbox', { name: 'Exact last name' }).fill('Atall');
  await expect(page).toHaveURL(/first_name=Nobody/);
  await expect(page).toHaveURL(/last_name=Atall/);
  await expect(page.getByRole('heading', { name: 'No memberships match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByText('1–10 of 10 memberships')).toBeVisible();
  await expect(page).toHaveURL(/\/rancher-memberships$/);
});

test('add: validated before sending, the role follows the scope, then created and listed', async ({ page, sim }) => {
  const writes = recordWrites(page);
  await page.goto(pageUrl());
  await page.getByRole('button', { name: 'Add membership' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add membership' });
  await dialog.getByRole('button', { name: 'Add membership' }).click();
  await expect(dialog.getByText('Enter a username.')).toBeVisible();
  await expect(dialog.getByText('Enter an email address.')).toBeVisible();
  await expect(dialog.getByText('Choose a cluster.')).toBeVisible();
  await expect(dialog.getByText('Choose a role.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Username' }).fill(R.memberships.noMembership);
  await dialog.getByRole('textbox', { name: 'Email' }).fill('spare.example.org');
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toBeDisabled();

  // A cluster role first; picking a project makes it a project scope and clears that role.
  await pick(dialog, 'Cluster', /^aurora-prod/);
  await expect(dialog.getByRole('textbox', { name: 'Scope type' })).toHaveValue('Cluster');
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await expect(page.getByRole('option', { name: /^Project Owner/ })).toHaveCount(0);
  await page.getByRole('option', { name: /^Cluster Owner/ }).click();
  await pick(dialog, 'Project', 'ml-platform');
  await expect(dialog.getByRole('textbox', { name: 'Scope type' })).toHaveValue('Project');
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('');
  await expect(dialog.getByText('“Cluster Owner” is not a project role of aurora-prod: choose another role.')).toBeVisible();
  await pick(dialog, 'Role', /^Project Owner/);

  await dialog.getByRole('button', { name: 'Add membership' }).click();
  await expect(dialog.getByText('Enter a valid email address.')).toBeVisible();
  expect(writes).toHaveLength(0);
  await expectAccessible(page, 'add membership form');

  // What only the server can tell lands under its field, and the values stay.
  await dialog.getByRole('textbox', { name: 'Email' }).fill('spare@example');
  await dialog.getByRole('button', { name: 'Add membership' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(/Enter a valid email address\./);
  expect(writes).toHaveLength(1);
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue(/^Project Owner/);
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue('ml-platform');

  await dialog.getByRole('textbox', { name: 'Email' }).fill('spare@example.org');
  const [post] = await Promise.all([
    page.waitForRequest((request) => request.url().includes(ENDPOINT) && request.method() === 'POST'),
    dialog.getByRole('button', { name: 'Add membership' }).click(),
  ]);
  expect(post.postDataJSON()).toEqual({
    username: R.memberships.noMembership,
    email: 'spare@example.org',
    scope_uuid: R.projects.mlPlatform.uuid,
    role: expect.stringMatching(new RegExp(`/api/rancher-role-templates/${R.roleTemplates.projectOwner.uuid}/$`)),
  });
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${R.memberships.noMembership} added to project ml-platform`)).toBeVisible();
  const created = new RancherMembershipsPage(page).membership(R.memberships.noMembership, 'Project ml-platform');
  await expect(created.getByText('Active', { exact: true })).toBeVisible();
  await expect(created).toContainText('Project Owner');
  const [onServer] = await membershipsOf(sim, R.memberships.noMembership);
  expect(onServer).toMatchObject({
    state: 'active',
    group_role: 'project-owner',
    group_scope_type: 'project',
    group_scope_name: 'ml-platform',
  });
  expect(writes).toHaveLength(2);
});

test('add: a duplicate is rejected above the form and the values are kept', async ({ page, sim }) => {
  await page.goto(pageUrl('add=1'));
  const dialog = page.getByRole('dialog', { name: 'Add membership' });
  await dialog.getByRole('textbox', { name: 'Username' }).fill('alice');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('alice@uni-example.org');
  await pick(dialog, 'Cluster', /^aurora-dev/);
  await pick(dialog, 'Role', /^Cluster Owner/);
  await dialog.getByRole('button', { name: 'Add membership' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This keycloak user group membership already exists.');
  await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue('alice');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('alice@uni-example.org');
  await expect(dialog.getByRole('combobox', { name: 'Cluster' })).toHaveValue(/^aurora-dev/);
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue(/^Cluster Owner/);
  await expect(dialog.getByRole('button', { name: 'Add membership' })).toBeEnabled();
  expect(await membershipsOf(sim, 'alice')).toHaveLength(1);
});

test('add: a cluster that disappeared before saving gets the server’s “does not exist” above the form', async ({ page, sim }) => {
  // The cluster is listed when the form loads and gone by the time it is saved: the listing
  // answers with one more cluster than the server has.
  const ghost = 'aaaaaaaabbbbccccddddeeeeeeeeeeee';
  await page.route('**/api/rancher-clusters/**', async (route) => {
    const response = await route.fetch();
    const clusters = (await response.json()) as Array<Record<string, unknown>>;
    const template = clusters.find((cluster) => cluster.uuid === R.clusters.auroraProd.uuid) ?? {};
    clusters.push({
      ...template,
      uuid: ghost,
      url: String(template.url).replace(R.clusters.auroraProd.uuid, ghost),
      name: 'ghost-cluster',
    });
    await route.fulfill({ response, json: clusters });
  });
  await page.goto(pageUrl('add=1'));
  const dialog = page.getByRole('dialog', { name: 'Add membership' });
  await dialog.getByRole('textbox', { name: 'Username' }).fill('casper');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('casper@example.org');
  await pick(dialog, 'Cluster', /^ghost-cluster/);
  await pick(dialog, 'Role', /^Cluster Member/);
  await dialog.getByRole('button', { name: 'Add membership' }).click();
  const dashed = `${ghost.slice(0, 8)}-${ghost.slice(8, 12)}-${ghost.slice(12, 16)}-${ghost.slice(16, 20)}-${ghost.slice(20)}`;
  await expect(dialog.getByRole('alert')).toContainText(`Cluster with UUID ${dashed} does not exist.`);
  await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue('casper');
  await expect(dialog.getByRole('combobox', { name: 'Cluster' })).toHaveValue(/^ghost-cluster/);
  expect(await membershipsOf(sim, 'casper')).toHaveLength(0);
});

test('edit: the form is filled from the membership and its group; a new username goes with PUT and all four fields, an email alone is refused before sending', async ({
  page,
  sim,
}) => {
  const writes = recordWrites(page);
  const before = await membershipOf(sim, 'new.engineer');
  await page.goto(pageUrl());
  await new RancherMembershipsPage(page).membershipAction('new.engineer', 'Project ml-platform', 'Edit');
  const dialog = page.getByRole('dialog', { name: 'Edit membership of new.engineer' });
  await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue('new.engineer');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('new.engineer@example.org');
  // Waldur stores only username and email on an edit: scope and role are shown, not offered.
  await expect(dialog.getByRole('textbox', { name: 'Scope' })).toHaveValue('Project ml-platform');
  await expect(dialog.getByRole('textbox', { name: 'Role' })).toHaveValue('Project Member');
  await expect(dialog.getByRole('combobox')).toHaveCount(0);
  await expectAccessible(page, 'edit membership form');

  // Nothing changed: nothing is sent.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Nothing to save: no field was changed.')).toBeVisible();
  expect(writes).toHaveLength(0);

  // The email alone: Waldur would refuse it as a duplicate; the dialog says so and sends nothing.
  await dialog.getByRole('textbox', { name: 'Email' }).fill('engineer@new.example.org');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Waldur cannot change only the email' })).toBeVisible();
  expect(writes).toHaveLength(0);

  await dialog.getByRole('textbox', { name: 'Username' }).fill('engineer');
  const [put] = await Promise.all([
    page.waitForRequest((request) => request.url().includes(`${ENDPOINT}${before.uuid}/`) && request.method() === 'PUT'),
    dialog.getByRole('button', { name: 'Save' }).click(),
  ]);
  expect(put.postDataJSON()).toEqual({
    username: 'engineer',
    email: 'engineer@new.example.org',
    scope_uuid: R.projects.mlPlatform.uuid,
    role: expect.stringContaining(`/api/rancher-role-templates/${R.roleTemplates.projectMember.uuid}/`),
  });
  await expect(dialog).toBeHidden();
  await expect(new RancherMembershipsPage(page).membership('engineer', 'Project ml-platform')).toContainText('engineer@new.example.org');
  expect((await membershipOf(sim, 'engineer')).email).toBe('engineer@new.example.org');
  expect(writes.map((request) => request.method())).toEqual(['PUT']);
});

test('edit: a membership deleted meanwhile gets a clear message and nothing is saved', async ({ page, sim }) => {
  const carol = await membershipOf(sim, 'carol');
  await page.goto(pageUrl());
  await new RancherMembershipsPage(page).membershipAction('carol', 'Cluster aurora-prod', 'Edit');
  const dialog = page.getByRole('dialog', { name: 'Edit membership of carol' });
  await expect(dialog.getByRole('textbox', { name: 'Role' })).toHaveValue('Cluster Owner');
  expect((await sim.api('staff', 'DELETE', `${ENDPOINT}${carol.uuid}/`)).status).toBe(204);
  await dialog.getByRole('textbox', { name: 'Username' }).fill('carol.b');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('carol@elsewhere.example.org');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'This membership no longer exists: it was deleted after the list was loaded. Nothing was saved.',
  );
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('carol@elsewhere.example.org');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(new RancherMembershipsPage(page).membership('carol', 'Cluster aurora-prod')).toHaveCount(0);
});

test('move: the new membership replaces the old one (created first, then the old one deleted)', async ({ page, sim }) => {
  const writes = recordWrites(page);
  const before = await membershipOf(sim, 'new.engineer');
  await page.goto(pageUrl());
  await new RancherMembershipsPage(page).membershipAction('new.engineer', 'Project ml-platform', 'Move to another scope or role');
  const dialog = page.getByRole('dialog', { name: 'Move membership of new.engineer' });
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue('ml-platform');
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue(/^Project Member/);
  await pick(dialog, 'Project', /^web-frontend/);
  await pick(dialog, 'Role', /^Project Owner/);
  await expectAccessible(page, 'move membership form');
  // The membership just replaced is not read again (its 404 raised "Could not refresh").
  const readsOfOld: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && request.url().includes(`${ENDPOINT}${before.uuid}/`)) readsOfOld.push(request.url());
  });
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Moved new.engineer to Project web-frontend')).toBeVisible();
  await expect(new RancherMembershipsPage(page).membership('new.engineer', 'Project web-frontend')).toHaveCount(1);
  await expect(new RancherMembershipsPage(page).membership('new.engineer', 'Project ml-platform')).toHaveCount(0);
  expect(readsOfOld).toEqual([]);
  await expect(page.getByText('Could not refresh')).toHaveCount(0);
  expect(writes.map((request) => request.method())).toEqual(['POST', 'DELETE']);
  const after = await membershipsOf(sim, 'new.engineer');
  expect(after.map((membership) => [membership.group_scope_name, membership.group_role])).toEqual([['web-frontend', 'project-owner']]);
  expect(after[0]?.uuid).not.toBe(before.uuid);
});

test('delete: asks first, then the row is gone', async ({ page, sim }) => {
  const dave = await membershipOf(sim, 'dave');
  await page.goto(pageUrl());
  await new RancherMembershipsPage(page).membershipAction('dave', 'Cluster aurora-dev', 'Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete the membership of dave?' });
  await expect(confirm).toContainText('removed from the Keycloak group');
  await expect(confirm).toContainText(R.groups.devMembers.name);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(new RancherMembershipsPage(page).membership('dave', 'Cluster aurora-dev')).toBeVisible();

  await new RancherMembershipsPage(page).membershipAction('dave', 'Cluster aurora-dev', 'Delete');
  await page.getByRole('dialog', { name: 'Delete the membership of dave?' }).getByRole('button', { name: 'Delete membership' }).click();
  await expect(page.getByText('Membership of dave deleted')).toBeVisible();
  await expect(new RancherMembershipsPage(page).membership('dave', 'Cluster aurora-dev')).toHaveCount(0);
  await expect(page.getByText('1–9 of 9 memberships')).toBeVisible();
  expect((await sim.api('staff', 'GET', `${ENDPOINT}${dave.uuid}/`)).status).toBe(404);
});

test('bulk delete: one confirmation, a result per row, the failed one stays selected', async ({ page, sim }) => {
  await page.goto(pageUrl());
  const chosen = [
    ['alice', 'Cluster aurora-prod'],
    ['carol', 'Cluster aurora-prod'],
    ['dave', 'Cluster aurora-dev'],
  ] as const;
  for (const [username, scope] of chosen) await new RancherMembershipsPage(page).membership(username, scope).getByRole('checkbox').check();
  await expect(page.getByText('3 memberships selected')).toBeVisible();
  await sim.faults({ fail: [{ method: 'DELETE', path: ENDPOINT, skip: 1, times: 1, status: 500 }] });
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 3 memberships?' });
  const list = confirm.getByRole('list', { name: 'Memberships to delete' });
  for (const [username] of chosen) await expect(list).toContainText(username);
  await confirm.getByRole('button', { name: 'Delete 3 memberships' }).click();

  await expect(page.getByText('Deleted 2 of 3 memberships; 1 failed')).toBeVisible();
  const results = page.getByRole('list', { name: 'Deletion results' });
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await expect(results.getByRole('listitem').filter({ hasText: 'not deleted' })).toHaveCount(1);
  await expect(results.getByRole('listitem').filter({ hasText: 'carol' })).toContainText(
    'not deleted. The server failed to handle the request (HTTP 500)',
  );
  await expect(page.getByText('1 membership selected')).toBeVisible();
  await expect(new RancherMembershipsPage(page).membership('carol', 'Cluster aurora-prod').getByRole('checkbox')).toBeChecked();
  await expect(new RancherMembershipsPage(page).membership('alice', 'Cluster aurora-prod')).toHaveCount(0);
  await expect(new RancherMembershipsPage(page).membership('dave', 'Cluster aurora-dev')).toHaveCount(0);
  expect(await membershipsOf(sim, 'carol')).toHaveLength(1);
  expect(await membershipsOf(sim, 'alice')).toHaveLength(0);
});

test('export CSV: every membership matching the filters', async ({ page }) => {
  await page.goto(pageUrl('state=pending'));
  await expect(page.getByText('1–2 of 2 memberships')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^rancher-memberships-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path()) as string, 'utf8'))
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('Username,First name,Last name,Email,Group,Role,Scope type,Scope,State,Error,Created,Last checked,Membership UUID');
  expect(lines).toHaveLength(3);
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',')[0])
      .sort(),
  ).toEqual(['dave', 'new.engineer']);
  await expect(page.getByText('2 memberships exported to CSV.')).toBeVisible();
});

test('a server without the endpoint: the navigation entry is disabled with the reason, and the page says it', async ({ page }) => {
  // A Waldur without the Rancher plugin answers 404 on the collection.
  await page.route('**/api/keycloak-user-group-memberships/**', (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: '{"detail":"Not found."}' }),
  );
  await page.goto(pageUrl());
  const reason = /does not offer Rancher Keycloak memberships/;
  const nav = page.getByRole('navigation', { name: 'Main' });
  const entry = nav.locator('[aria-disabled="true"]').filter({ hasText: 'Rancher memberships' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(reason);
  await expect(nav.getByRole('link', { name: 'Rancher memberships' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Rancher memberships', level: 1 })).toBeVisible();
  const note = page.getByRole('note').filter({ hasText: 'Not available on this server' });
  await expect(note).toContainText(reason);
  await expect(new RancherMembershipsPage(page).table).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add membership' })).toHaveCount(0);
  await expectAccessible(page, 'rancher memberships unavailable');
});

test.describe('as a user without Rancher clusters', () => {
  test.use({ account: 'viewer' });

  test('sees no memberships and cannot add one, and is told why', async ({ page }) => {
    await page.goto(pageUrl());
    await expect(page.getByRole('heading', { name: 'No memberships you can see' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add membership' })).toBeDisabled();
    await expect(page.getByRole('note').first()).toContainText('You cannot see any Rancher cluster');
  });
});
