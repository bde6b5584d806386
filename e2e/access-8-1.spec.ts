import { readFile } from 'node:fs/promises';
import type { Page, Request } from '@playwright/test';
import { DEMO81, personUuid } from '../sim/src/seed/demo-8-1.ts';
import { expect, expectAccessible, test } from './fixtures';
import { pick } from './pages/controls';
import { AccessPage } from './pages/access-page';

/**
 * Waldur 8.1.3 (offering roles, grants on resources and resource projects, the site agent's
 * sync states): each test switches its worker's simulator to 8.1 and its demo seed.
 */
const D = DEMO81;
const K8S = D.offerings.k8s.uuid;
const HPC = D.offerings.hpc.uuid;
const MANAGED = D.offerings.managed.uuid;
const hex = (uuid: string) => uuid.replaceAll('-', '');

test.beforeEach(async ({ sim }) => {
  await sim.reset({ waldur: '8.1' });
});

function recordBodies(page: Page, action: string): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes(`/${action}/`)) requests.push(request);
  });
  return requests;
}

test('the Server page names the access model, and an offering opens on Access with its tabs', async ({ page }) => {
  await page.goto('/server');
  await expect(page.getByRole('row', { name: /Access model/ })).toContainText('Offering roles, applied to Keycloak by a site agent');
  await expect(page.getByRole('row', { name: /Access model/ })).toContainText('Waldur says it runs 8.1.3');
  await expect(page.getByRole('row', { name: /Membership sync status/ })).toContainText('Available');
  await expectAccessible(page, 'server (8.1)');

  await page.getByRole('link', { name: 'Offerings' }).click();
  await page.getByRole('link', { name: D.offerings.k8s.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/offerings/${K8S}/access$`));
  await expect(page.getByRole('status').filter({ hasText: '33 grants on 4 resources' })).toContainText('22 in Keycloak');
  await expectAccessible(page, 'access tab');
  for (const [tab, path, content] of [
    ['Roles', 'roles', page.getByRole('table', { name: 'Roles' })],
    ['Sync', 'resource-sync', page.getByRole('table', { name: 'Sync by resource' })],
    ['Members check', 'access-check', page.getByRole('table', { name: 'Grants not in Keycloak' })],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page).toHaveURL(new RegExp(`/offerings/${K8S}/${path}$`));
    await expect(content).toBeVisible();
    await expectAccessible(page, `${tab} tab`);
  }
  // An old bookmark of a Keycloak groups tab moves to Access.
  await page.goto(`/offerings/${K8S}/groups`);
  await expect(page).toHaveURL(new RegExp(`/offerings/${K8S}/access$`));
});

test('grant a role: Waldur records it, and the grant is watched from not reported to pending to synced as the agent ticks', async ({
  page,
  sim,
}) => {
  const sent = recordBodies(page, 'add_user');
  await new AccessPage(page).open(K8S, `resource=${hex(D.resources.dev.uuid)}`);
  await page.getByRole('button', { name: 'Grant a role' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant a role' });
  await dialog.getByRole('combobox', { name: 'User' }).fill('wanda');
  await page.getByRole('option', { name: 'Wanda Okafor (wanda.okafor)' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Resource', exact: true })).toHaveValue('northwind-dev');
  await pick(dialog, 'Role', /^cluster_viewer/);
  await dialog.getByRole('button', { name: 'Grant role' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Granted cluster_viewer' })).toContainText(
    'The site agent has not reported on it yet',
  );
  expect(sent).toHaveLength(1);
  const body = sent[0]?.postDataJSON() as { user: string; role: string; expiration_time: string | null };
  expect(body).toEqual({ user: hex(personUuid('wanda')), role: hex(D.roles.k8s.clusterViewer.uuid), expiration_time: null });

  const label = 'wanda.okafor as cluster_viewer on Resource northwind-dev';
  await expect(new AccessPage(page).row(label)).toContainText('Not reported');
  await sim.tick();
  await expect(new AccessPage(page).row(label)).toContainText('Pending');
  await sim.tick();
  await expect(new AccessPage(page).row(label)).toContainText('In Keycloak');
  await expect(new AccessPage(page).row(label)).toContainText('as of');
});

test('change expiration (always sent), change role (grant, then revoke) and revoke (confirmed, then re-read)', async ({ page }) => {
  const updates = recordBodies(page, 'update_user');
  await new AccessPage(page).open(K8S, `resource=${hex(D.resources.prod.uuid)}`);

  // Expiration: a new time, then permanent: the value is always in the body.
  const chen = 'chen.wei as cluster_viewer on Resource northwind-prod';
  await new AccessPage(page).grantAction(chen, 'Change expiration');
  let dialog = page.getByRole('dialog', { name: 'Change expiration' });
  await dialog.getByLabel('Expires').fill('2031-06-15T10:00');
  await dialog.getByRole('button', { name: 'Save expiration' }).click();
  await expect(dialog).toBeHidden();
  await expect(new AccessPage(page).row(chen)).toContainText('2031');
  await new AccessPage(page).grantAction(chen, 'Change expiration');
  dialog = page.getByRole('dialog', { name: 'Change expiration' });
  await dialog.getByRole('button', { name: 'Make permanent' }).click();
  await dialog.getByRole('button', { name: 'Save expiration' }).click();
  await expect(dialog).toBeHidden();
  await expect(new AccessPage(page).row(chen)).toContainText('Never');
  expect(updates.map((request) => (request.postDataJSON() as { expiration_time: string | null }).expiration_time)).toEqual([
    new Date('2031-06-15T10:00').toISOString(),
    null,
  ]);

  // Change role: bruno.costa from cluster_viewer to cluster_admin.
  const bruno = 'bruno.costa as cluster_viewer on Resource northwind-prod';
  await new AccessPage(page).grantAction(bruno, 'Change role');
  dialog = page.getByRole('dialog', { name: 'Change role' });
  await pick(dialog, 'New role', /^cluster_admin/);
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await expect(dialog).toBeHidden();
  await expect(new AccessPage(page).row('bruno.costa as cluster_admin on Resource northwind-prod')).toBeVisible();
  await expect(new AccessPage(page).row(bruno)).toHaveCount(0);

  // Revoke: confirmed with its consequence.
  await new AccessPage(page).open(K8S, `project=${hex(D.resourceProjects.sharedTools.uuid)}`);
  const alice = 'alice.nguyen as project_member on Project shared-tools of northwind-prod';
  await new AccessPage(page).grantAction(alice, 'Revoke');
  const confirm = page.getByRole('dialog', { name: /Revoke project_member of alice.nguyen/ });
  await expect(confirm).toContainText('site agent removes the Keycloak membership at its next cycle');
  await confirm.getByRole('button', { name: 'Revoke grant' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Revoked project_member of alice.nguyen' })).toContainText(
    'it has not reported that yet',
  );
  await expect(new AccessPage(page).row(alice)).toHaveCount(0);
});

test('change role half done: the grant went through, the revocation failed, and the dialog says the user holds both', async ({
  page,
  sim,
}) => {
  await new AccessPage(page).open(K8S, `resource=${hex(D.resources.prod.uuid)}`);
  await sim.faults({ fail: [{ method: 'POST', path: '/delete_user/', times: 1, status: 500 }] });
  await new AccessPage(page).grantAction('bruno.costa as cluster_viewer on Resource northwind-prod', 'Change role');
  const dialog = page.getByRole('dialog', { name: 'Change role' });
  await pick(dialog, 'New role', /^cluster_admin/);
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Half done: the user now holds both roles');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(new AccessPage(page).row('bruno.costa as cluster_admin on Resource northwind-prod')).toBeVisible();
  await expect(new AccessPage(page).row('bruno.costa as cluster_viewer on Resource northwind-prod')).toBeVisible();
});

test('bulk revoke with one failure: a result per grant, and the failed one stays selected', async ({ page, sim }) => {
  await new AccessPage(page).open(K8S, `project=${hex(D.resourceProjects.sandbox.uuid)}`);
  await expect(new AccessPage(page).table.getByRole('row')).toHaveCount(1 + 4);
  await page.getByRole('checkbox', { name: 'Select all grants on this page' }).check();
  await sim.faults({ fail: [{ method: 'POST', path: '/delete_user/', skip: 1, times: 1, status: 500 }] });
  await page.getByRole('button', { name: 'Revoke selected' }).click();
  await page.getByRole('dialog', { name: 'Revoke 4 grants?' }).getByRole('button', { name: 'Revoke 4 grants' }).click();
  const results = page.getByRole('status').filter({ hasText: 'Revoked 3 of 4 grants; 1 failed' });
  await expect(results).toBeVisible();
  await expect(results.getByRole('list', { name: 'Revocation results' }).getByRole('listitem')).toHaveCount(4);
  await expect(results).toContainText('not revoked.');
  await expect(page.getByRole('group', { name: 'Selection' })).toContainText('1 grant selected');
  await expect(new AccessPage(page).table.getByRole('row')).toHaveCount(1 + 1);
});

test('missing_in_idp is explained, in the table and in the members check', async ({ page }) => {
  await new AccessPage(page).open(K8S, 'sync=missing_in_idp');
  await expect(new AccessPage(page).table.getByRole('row')).toHaveCount(1 + 2);
  const yusuf = new AccessPage(page).row('yusuf.demir as project_member on Project genomics-pipeline of northwind-prod');
  await expect(yusuf).toContainText('User not in Keycloak');
  await expect(yusuf).toContainText('access activates after their first login');
  await page.getByRole('tab', { name: 'Members check' }).click();
  const check = page.getByRole('table', { name: 'Grants not in Keycloak' });
  await expect(page.getByRole('status').filter({ hasText: 'not reported as in Keycloak' })).toContainText('11 grants of 33');
  await expect(check.getByRole('row').filter({ hasText: 'Yusuf Demir' })).toContainText('Ask the person to sign in to the service once');
});

test('Re-sync twice within 30 seconds: the second is explained, and the first is watched until the agent reports', async ({
  page,
  sim,
}) => {
  await page.goto(`/offerings/${K8S}/resource-sync`);
  await page.getByRole('button', { name: 'Re-sync northwind-dev' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Re-sync of northwind-dev requested' })).toBeVisible();
  const resourceRow = page.getByRole('table', { name: 'Sync by resource' }).getByRole('row').filter({ hasText: 'northwind-dev' });
  await expect(resourceRow).toContainText('Waiting for the agent’s report');
  await page.getByRole('button', { name: 'Re-sync northwind-dev' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'A re-sync was asked for moments ago' });
  await expect(refused).toContainText('one re-sync request per resource every 30 seconds');
  await sim.tick();
  await expect(resourceRow).not.toContainText('Waiting for the agent’s report');
});

test('sync status off: no sync states shown or counted, re-sync and members check say why', async ({ page }) => {
  await new AccessPage(page).open(HPC);
  await expect(page.getByRole('note').filter({ hasText: 'This offering does not report sync states' })).toBeVisible();
  await expect(new AccessPage(page).table.getByRole('columnheader', { name: 'Sync state' })).toHaveCount(0);
  await expect(new AccessPage(page).table).not.toContainText('Not reported');
  await page.getByRole('tab', { name: 'Sync' }).click();
  await expect(page.getByRole('button', { name: 'Re-sync northwind-hpc' })).toBeDisabled();
  await expect(page.getByText('Waldur takes re-sync requests only for offerings that report sync status.')).toBeVisible();
  await page.getByRole('tab', { name: 'Members check' }).click();
  await expect(page.getByText('Nothing was checked')).toBeVisible();
});

test('Export CSV writes every grant matching the filters, across pages, with English column names', async ({ page }) => {
  await page.goto(`/offerings/${K8S}/access`);
  await expect(page.getByRole('status').filter({ hasText: '33 grants on 4 resources' })).toBeVisible();
  await expect(page.getByText('1–10 of 33 grants')).toBeVisible();
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^grants-\d{4}-\d{2}-\d{2}\.csv$/);
    return (await readFile((await download.path()) as string, 'utf8'))
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
  };
  const all = await exported();
  expect(all[0]).toBe(
    'Username,Full name,Email,User UUID,Role,Role UUID,Scope type,Resource,Resource UUID,Resource project,Resource project UUID,Expiration time,Sync state,Sync message,Sync reported at,Resource last sync',
  );
  expect(all).toHaveLength(34);
  expect(all.some((line) => line.startsWith('bruno.costa,') && line.includes(',cluster_viewer,'))).toBe(true);

  // A filter narrows the file to the rows it shows, all of them, not this page's.
  await pick(page, 'Sync state', 'In Keycloak', { exact: true });
  await expect(page.getByText('1–10 of 22 grants')).toBeVisible();
  const synced = await exported();
  expect(synced).toHaveLength(23);
  expect(synced.slice(1).every((line) => line.includes(',In Keycloak,'))).toBe(true);
});

test('roles: add one (a name Waldur refuses keeps what was typed), then edit its description', async ({ page, sim }) => {
  await page.goto(`/offerings/${K8S}/roles`);
  const roles = page.getByRole('table', { name: 'Roles' });
  await expect(roles.getByRole('row').filter({ hasText: 'cluster_admin' })).toBeVisible();
  const posted: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/marketplace-offering-roles/') posted.push(request);
  });

  await page.getByRole('button', { name: 'Add role' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add role' });
  await dialog.getByLabel('Name').fill('cluster_admin');
  await dialog.getByLabel('Description').fill('Manages storage classes and volumes');
  await dialog.getByText('Resource projects', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Resource projects' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add role' }).click();
  await expect(dialog).toContainText('A role with this name already exists for this offering.');
  await expect(dialog.getByLabel('Name')).toHaveValue('cluster_admin');
  await expect(dialog.getByLabel('Description')).toHaveValue('Manages storage classes and volumes');

  await dialog.getByLabel('Name').fill('storage_admin');
  await dialog.getByRole('button', { name: 'Add role' }).click();
  await expect(dialog).toBeHidden();
  const row = roles.getByRole('row').filter({ hasText: 'storage_admin' });
  await expect(row).toContainText('Manages storage classes and volumes');
  expect(posted).toHaveLength(2);
  expect(posted[1]?.postDataJSON()).toEqual({
    name: 'storage_admin',
    description: 'Manages storage classes and volumes',
    content_type_input: 'resource_project',
    offering: hex(K8S),
  });
  const stored = await sim.api<{ name: string; description: string; content_type: string }[]>(
    'staff',
    'GET',
    `/api/marketplace-offering-roles/?offering_uuid=${hex(K8S)}&page_size=100`,
  );
  expect(stored.body.filter((role) => role.name === 'storage_admin').map((role) => [role.description, role.content_type])).toEqual([
    ['Manages storage classes and volumes', 'resource_project'],
  ]);

  await page.getByRole('button', { name: 'Actions for role storage_admin' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit role storage_admin' });
  await edit.getByLabel('Description').fill('Manages storage classes, volumes and snapshots');
  await edit.getByRole('button', { name: 'Save role' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Manages storage classes, volumes and snapshots');
});

test('roles: a deletion says how many grants go with the role; a profile-managed offering says why its roles are locked', async ({
  page,
}) => {
  await page.goto(`/offerings/${K8S}/roles`);
  const roles = page.getByRole('table', { name: 'Roles' });
  await expect(roles.getByRole('row').filter({ hasText: 'gpu_quota_manager' })).toContainText('2');
  await page.getByRole('button', { name: 'Actions for role gpu_quota_manager' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the role gpu_quota_manager?' });
  await expect(confirm).toContainText('Users hold this role in 2 grants');
  await expect(confirm).toContainText('without a revocation record');
  await confirm.getByRole('button', { name: 'Delete role and 2 grants' }).click();
  await expect(roles.getByRole('row').filter({ hasText: 'gpu_quota_manager' })).toHaveCount(0);

  await page.goto(`/offerings/${MANAGED}/roles`);
  await expect(page.getByRole('note').filter({ hasText: 'Roles cannot be edited here' })).toContainText(D.profile.name);
  await expect(page.getByRole('button', { name: 'Add role' })).toBeDisabled();
});

test.describe('a provider who is not staff', () => {
  test.use({ account: 'owner' });

  test('sees grants without sync states and cannot grant, and is told why and who can', async ({ page }) => {
    await new AccessPage(page).open(K8S);
    await expect(page.getByRole('note').filter({ hasText: 'Sync states are not shown to your account' })).toContainText('staff, support');
    await expect(page.getByRole('note').filter({ hasText: 'You can see grants, not change them' })).toContainText('only staff');
    await expect(page.getByRole('button', { name: 'Grant a role' })).toHaveCount(0);
    await expect(new AccessPage(page).table.getByRole('row').nth(1)).toContainText('Unknown to this account');
    await page.goto(`/offerings/${K8S}/access?add=1`);
    await expect(page.getByRole('dialog', { name: 'Grant a role' })).toContainText('only staff');
    await page.goto(`/offerings/${K8S}/access-check`);
    await expect(page.getByText('Nothing was checked')).toBeVisible();
  });
});

test('reload keeps every filter, the search and the page size', async ({ page }) => {
  await new AccessPage(page).open(K8S);
  await pick(page, 'Resource', 'northwind-prod');
  await pick(page, 'Resource project', /^genomics-pipeline/);
  await pick(page, 'Role', 'project_member');
  await pick(page, 'Sync state', 'In Keycloak', { exact: true });
  await page.getByRole('textbox', { name: 'Search users' }).fill('farah');
  await expect(page).toHaveURL(/q=farah/);
  await expect(new AccessPage(page).table.getByRole('row')).toHaveCount(1 + 1);
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('combobox', { name: 'Resource', exact: true })).toHaveValue('northwind-prod');
  await expect(page.getByRole('combobox', { name: 'Resource project' })).toHaveValue(/genomics-pipeline/);
  await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue('project_member');
  await expect(page.getByRole('combobox', { name: 'Sync state' })).toHaveValue('In Keycloak');
  await expect(page.getByRole('textbox', { name: 'Search users' })).toHaveValue('farah');
  await expect(new AccessPage(page).table.getByRole('row')).toHaveCount(1 + 1);
  await expect(new AccessPage(page).row('farah.haddad as project_member on Project genomics-pipeline of northwind-prod')).toBeVisible();
});
