import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, type SimControl } from './fixtures';
import { pick } from './pages/controls';
import { DEMO } from '../sim/src/seed/demo.ts';
import { LARGE } from '../sim/src/seed/large.ts';

const A = DEMO.offerings.healthyA.uuid;
const RG = DEMO.remoteGroups.a;
const WIZARD = `/offerings/${A}/import`;
/** The wizard, at whatever step its URL names. */
const AT_WIZARD = new RegExp(`${WIZARD}(\\?.*)?$`);

type LocalGroup = { uuid: string; name: string; backend_id: string; scope_id: string; resource_name: string | null; role_name: string };

async function localGroups(sim: SimControl, offering = A): Promise<LocalGroup[]> {
  const { body } = await sim.api<LocalGroup[]>('staff', 'GET', `/api/offering-keycloak-groups/?offering_uuid=${offering}&page_size=300`);
  return body;
}

async function linkedTo(sim: SimControl, remoteId: string): Promise<LocalGroup[]> {
  return (await localGroups(sim)).filter((group) => group.backend_id === remoteId);
}

async function memberCount(sim: SimControl, groupUuid: string): Promise<number> {
  const { headers } = await sim.api('staff', 'GET', `/api/offering-keycloak-memberships/?group_uuid=${groupUuid}&page_size=1`);
  return Number(headers.get('X-Result-Count'));
}

async function choose(page: Page, ...names: string[]) {
  for (const name of names) await page.getByRole('checkbox', { name, exact: true }).check();
}

const results = (page: Page) => page.getByRole('table', { name: 'Import results' });
const resultRow = (page: Page, name: string | RegExp) => results(page).getByRole('row', { name });
const progressStatus = (page: Page) => page.getByRole('status').filter({ hasText: /imported|Importing/ });

test('imports several groups and pulls their members, keeping choices across reloads and steps', async ({ page, sim }) => {
  // Four steps, two reloads and an axe scan in both schemes of a long review: a long test.
  test.slow();
  await page.goto(`/offerings/${A}/groups`);
  await page.getByRole('link', { name: 'Import remote groups' }).click();
  await expect(page).toHaveURL(AT_WIZARD);

  // Step 1: the tree, linked groups locked, a member preview.
  await expect(page.getByText(/remote groups under \/alpha-hpc/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Researchers', exact: true })).toBeDisabled();
  await choose(page, 'Visitors', 'Data Stewards', 'gpu-users');
  await page.getByRole('button', { name: 'Members of gpu-users' }).click();
  const preview = page.getByRole('region', { name: 'Members of gpu-users' });
  await expect(preview.getByText('15 members in Keycloak')).toBeVisible();
  await expect(page.getByText('3 groups chosen').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Search remote groups' }).fill('stew');
  await expect(page.getByRole('checkbox', { name: 'Data Stewards' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Visitors' })).toHaveCount(0);
  await expectAccessible(page, 'import wizard: choose groups');

  // Step 2: roles, one of them through "Apply to all", then a reload.
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await pick(page, 'Role for all', /^Namespace Editor/);
  await page.getByRole('button', { name: 'Apply to all (3)' }).click();
  await pick(page, 'Role for Data Stewards', 'Operator');
  await pick(page, 'Resource for Data Stewards', 'alpha-archive');
  await pick(page, 'Resource for gpu-users', 'alpha-prod-cluster');
  await pick(page, 'Scope ID for gpu-users', /ns-shared/);
  await expectAccessible(page, 'import wizard: assign roles');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Role for Data Stewards' })).toHaveValue('Operator');
  await expect(page.getByRole('combobox', { name: 'Scope ID for gpu-users' })).toHaveValue(/ns-shared/);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('checkbox', { name: 'Visitors' })).toBeChecked();
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await expect(page.getByRole('combobox', { name: 'Resource for Data Stewards' })).toHaveValue('alpha-archive');

  // Step 3 and 4.
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByText('3 groups will be imported as local groups.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Pull members after import' })).toBeChecked();
  await expectAccessible(page, 'import wizard: review');
  await page.getByRole('button', { name: 'Import 3 groups' }).click();
  await expect(progressStatus(page)).toHaveText('3 groups imported · 0 skipped · 0 failed · 19 members pulled');
  await expect(resultRow(page, /Data Stewards/)).toContainText('Imported');
  await expect(resultRow(page, /Data Stewards/)).toContainText('4 members pulled');
  await expect(resultRow(page, /gpu-users/)).toContainText('15 members pulled');
  await expect(resultRow(page, /Visitors/)).toContainText('0 members pulled');
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await expectAccessible(page, 'import wizard: results');

  const [gpu] = await linkedTo(sim, RG.nested.id);
  expect(gpu).toMatchObject({
    name: 'gpu-users',
    role_name: 'Namespace Editor',
    resource_name: 'alpha-prod-cluster',
    scope_id: 'ns-shared',
  });
  expect(await memberCount(sim, gpu?.uuid ?? '')).toBe(15);
  const [stewards] = await linkedTo(sim, RG.stewards.id);
  expect(stewards).toMatchObject({ role_name: 'Operator', resource_name: 'alpha-archive', scope_id: '' });
  expect(await linkedTo(sim, RG.visitors.id)).toHaveLength(1);

  // The result survives a reload; "Done" goes to the groups.
  await page.reload();
  await expect(resultRow(page, /gpu-users/)).toContainText('15 members pulled');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(`/offerings/${A}/groups`);
});

test('the step is in the URL: Back and Forward move between steps, not out of the wizard', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups`);
  await page.getByRole('link', { name: 'Import remote groups' }).click();
  await expect(page).toHaveURL(/\/import\?step=choose$/);
  await choose(page, 'Visitors');
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await expect(page).toHaveURL(/\/import\?step=roles$/);
  await expect(page.getByRole('combobox', { name: 'Role for Visitors', exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/import\?step=choose$/);
  await expect(page.getByRole('checkbox', { name: 'Visitors', exact: true })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole('combobox', { name: 'Role for Visitors', exact: true })).toBeVisible();
  // A step not reached yet cannot be opened from the URL: the wizard stays where it is.
  await page.goto(`${WIZARD}?step=import`);
  await expect(page).toHaveURL(/\/import\?step=roles$/);
});

test('catches clashes and missing roles before anything is sent', async ({ page, sim }) => {
  await page.goto(WIZARD);
  await choose(page, 'Visitors', 'Data Stewards');
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();

  // No role: the wizard does not go on.
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '2 groups need a role' })).toBeVisible();
  await expect(page.getByText('Choose a role.')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Assign roles' })).toBeVisible();

  // Viewer without a resource: both clash with each other and with the existing "<offering>_Viewer".
  await pick(page, 'Role for all', 'Viewer');
  await page.getByRole('button', { name: 'Apply to all (2)' }).click();
  await page.getByRole('button', { name: 'Next: Review' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'cannot be imported as chosen' });
  await expect(problems).toContainText('2 groups cannot be imported as chosen');
  // The alert names the groups; each problem is said once, in the table (issue 29, item 18).
  await expect(problems.getByRole('listitem')).toHaveText(['Visitors', 'Data Stewards'], { useInnerText: true });
  const review = page.getByRole('table', { name: 'Groups to import' });
  await expect(review.getByRole('row', { name: /^Visitors/ })).toContainText(`Clashes with the local group “${DEMO.groups.a.viewer.name}”`);
  await expect(review.getByRole('row', { name: /^Visitors/ })).toContainText(
    'Clashes with “Data Stewards”: same role, resource and scope ID.',
  );
  await expect(problems).not.toContainText('Clashes with');
  await expect(page.getByRole('button', { name: 'Import 2 groups' })).toBeDisabled();
  await expectAccessible(page, 'import wizard: review with problems');

  // Fix one in "Assign roles": the other still clashes with the existing group.
  await problems.getByRole('button', { name: 'Fix in Assign roles' }).click();
  await pick(page, 'Role for Data Stewards', 'Operator');
  await pick(page, 'Resource for Data Stewards', 'alpha-archive');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 group cannot be imported as chosen' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Visitors' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be imported' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import 1 group' })).toBeEnabled();
  expect(await linkedTo(sim, RG.stewards.id)).toHaveLength(0);
});

/** Imports Visitors, Data Stewards and gpu-users (members not pulled); the second import_remote answers 500. */
async function importThreeOneFailing(page: Page, sim: SimControl) {
  await page.goto(WIZARD);
  await choose(page, 'Visitors', 'Data Stewards', 'gpu-users');
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await pick(page, 'Role for Visitors', /^Namespace Editor/);
  await pick(page, 'Role for Data Stewards', 'Operator');
  await pick(page, 'Resource for Data Stewards', 'alpha-archive');
  await pick(page, 'Role for gpu-users', /^Project Member/);
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByRole('checkbox', { name: 'Pull members after import' }).uncheck();
  await sim.faults({ fail: [{ method: 'POST', path: 'import_remote', skip: 1, times: 1, status: 500 }] });
  await page.getByRole('button', { name: 'Import 3 groups' }).click();
}

test('a 500 in the middle of the import fails one group; Retry failed sends only that one', async ({ page, sim }) => {
  await importThreeOneFailing(page, sim);

  await expect(progressStatus(page)).toHaveText('2 groups imported · 0 skipped · 1 failed');
  const failed = results(page).getByRole('row').filter({ hasText: 'Failed' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('The server failed to handle the request (HTTP 500). Try again.');
  await expect(page.getByRole('alert').filter({ hasText: '1 group failed' })).toBeVisible();
  const failedName = (await failed.getByRole('cell').first().innerText()).split('\n')[0] ?? '';
  await expectAccessible(page, 'import wizard: results with a failure');

  await page.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(progressStatus(page)).toHaveText('3 groups imported · 0 skipped · 0 failed');
  await expect(resultRow(page, new RegExp(failedName))).toContainText('Imported');
  for (const id of [RG.visitors.id, RG.stewards.id, RG.nested.id]) expect(await linkedTo(sim, id)).toHaveLength(1);
});

test('at 1440×900 the result of an import with a failure covers none of the wizard’s buttons', async ({ page, sim }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importThreeOneFailing(page, sim);

  // The result is said in the page, where the buttons are.
  await expect(progressStatus(page)).toHaveText('2 groups imported · 0 skipped · 1 failed');
  await expect(page.getByRole('alert').filter({ hasText: '1 group failed' })).toBeVisible();
  // Where the wizard's action bar is: the bottom of the page (a trial click scrolls on its own
  // until nothing covers the button, so the page is put where a person would have it first).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  for (const name of ['Retry failed (1)', 'Start a new import']) {
    const button = page.getByRole('button', { name });
    await expect(button).toBeInViewport();
    const box = await button.boundingBox();
    expect(box, name).not.toBeNull();
    if (!box) continue;
    const corners = [
      [box.x + 2, box.y + 2],
      [box.x + box.width - 2, box.y + 2],
      [box.x + 2, box.y + box.height - 2],
      [box.x + box.width - 2, box.y + box.height - 2],
    ];
    for (const [x, y] of corners) {
      const hit = await button.evaluate((element, [px, py]) => element.contains(document.elementFromPoint(px ?? 0, py ?? 0)), [x, y]);
      expect(hit, `${name} must not be covered at (${x}, ${y})`).toBe(true);
    }
    // A trial click fails when another element would take the click.
    await button.click({ trial: true, timeout: 5_000 });
  }
  await page.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(progressStatus(page)).toHaveText('3 groups imported · 0 skipped · 0 failed');
});

test('a re-run never creates a duplicate: linked groups are skipped and left out', async ({ page, sim }) => {
  await page.goto(WIZARD);
  await choose(page, 'Visitors', 'Data Stewards');
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await pick(page, 'Role for Visitors', /^Namespace Editor/);
  await pick(page, 'Role for Data Stewards', /^Project Member/);
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('button', { name: 'Import 2 groups' })).toBeEnabled();

  // Someone else imports "Visitors" while this wizard waits at the review.
  const other = await sim.api('owner', 'POST', '/api/offering-keycloak-groups/import_remote/', {
    offering_uuid: A,
    role_uuid: DEMO.roles.a.clusterAdmin.uuid,
    remote_group_id: RG.visitors.id,
  });
  expect(other.status).toBe(201);
  await page.getByRole('button', { name: 'Import 2 groups' }).click();
  await expect(progressStatus(page)).toHaveText('1 group imported · 1 skipped · 0 failed · 4 members pulled');
  await expect(resultRow(page, /Visitors/)).toContainText('Skipped');
  await expect(resultRow(page, /Visitors/)).toContainText('Already linked to the local group “Visitors”.');
  await expect(resultRow(page, /Data Stewards/)).toContainText('Imported');
  expect(await linkedTo(sim, RG.visitors.id)).toHaveLength(1);
  expect(await linkedTo(sim, RG.stewards.id)).toHaveLength(1);

  // The same import again, from a link: both are linked now, so nothing is chosen or sent.
  const before = (await localGroups(sim)).length;
  await page.goto(`${WIZARD}?select=${RG.visitors.id}&select=${RG.stewards.id}`);
  await expect(page).toHaveURL(AT_WIZARD);
  await expect(page.getByRole('heading', { name: 'Choose groups' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Already linked to a local group, so not chosen: “Visitors”, “Data Stewards”.' }),
  ).toBeVisible();
  await expect(page.getByText('0 groups chosen').first()).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Visitors' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Data Stewards' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Next: Assign roles' })).toBeDisabled();
  expect((await localGroups(sim)).length).toBe(before);
});

test('opens from an "Only in Keycloak" line with the group chosen; leaving asks first, Cancel goes back', async ({ page }) => {
  await page.goto(`/offerings/${A}/sync`);
  await page.getByRole('button', { name: 'Import Visitors' }).click();
  await expect(page).toHaveURL(AT_WIZARD);
  await expect(page.getByRole('heading', { name: 'Assign roles' })).toBeVisible();
  const chosen = page.getByRole('table', { name: 'Roles for the chosen groups' });
  await expect(chosen.getByRole('row')).toHaveCount(2);
  await expect(chosen.getByRole('row', { name: /Visitors/ })).toBeVisible();

  // A tab click would drop the choice: the wizard asks; "Stay" keeps everything.
  await page.getByRole('tab', { name: 'Groups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave the import?' });
  await expect(dialog).toContainText('1 chosen group has not been imported.');
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(AT_WIZARD);
  await expect(chosen.getByRole('row', { name: /Visitors/ })).toBeVisible();

  // Cancel: confirm, then back to the sync status page it came from.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard this import?' }).getByRole('button', { name: 'Discard and leave' }).click();
  await expect(page).toHaveURL(`/offerings/${A}/sync`);

  // Typed in directly: the same preselection, from the URL.
  await page.goto(`${WIZARD}?select=${RG.nested.id}`);
  await expect(page.getByRole('heading', { name: 'Assign roles' })).toBeVisible();
  await expect(chosen.getByRole('row', { name: /gpu-users/ })).toBeVisible();
  await expect(chosen.getByRole('row', { name: /Visitors/ })).toHaveCount(0);
});

test('Keycloak unreachable at step 1: said plainly, with a Retry that recovers', async ({ page, sim }) => {
  await sim.faults({ keycloakDown: true });
  await page.goto(WIZARD);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not list the remote groups' });
  await expect(alert).toContainText('Unable to list remote Keycloak groups.');
  await expect(alert).toContainText('Your choices so far are kept.');
  await expect(page.getByRole('button', { name: 'Next: Assign roles' })).toBeDisabled();
  await expectAccessible(page, 'import wizard: Keycloak unreachable');
  await sim.faults({});
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('checkbox', { name: 'Visitors' })).toBeVisible();
});

test('a session expiring during the import stops it cleanly; after signing in, Resume finishes it once', async ({ page, sim }) => {
  const names = ['Visitors', 'Data Stewards', 'gpu-users', DEMO.hostile.sql, DEMO.hostile.emoji, `${A}_Operator`];
  const ids = [RG.visitors.id, RG.stewards.id, RG.nested.id, RG.sql.id, DEMO.remoteGroups.a.operator.id];
  await page.goto(WIZARD);
  await choose(page, ...names);
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  const roles: Array<[string, RegExp, string?]> = [
    ['Visitors', /^Namespace Editor/],
    ['Data Stewards', /^Project Member/],
    ['gpu-users', /^Cluster Admin/],
    [DEMO.hostile.sql, /^Operator/, 'alpha-archive'],
    [DEMO.hostile.emoji, /^Project Member/, 'alpha-archive'],
    [`${A}_Operator`, /^Namespace Editor/, 'alpha-archive'],
  ];
  for (const [name, role, resource] of roles) {
    await pick(page, `Role for ${name}`, role);
    if (resource) await pick(page, `Resource for ${name}`, resource);
  }
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('button', { name: 'Import 6 groups' })).toBeEnabled();

  await sim.faults({ latencyMs: 400 });
  await page.getByRole('button', { name: 'Import 6 groups' }).click();
  await expect(results(page).getByRole('row').filter({ hasText: 'Imported' }).first()).toBeVisible();
  await sim.faults({ latencyMs: 400, expireTokens: true });

  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await sim.faults({});
  await page.getByRole('textbox', { name: 'Username' }).fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('staff');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(AT_WIZARD);

  const stopped = page.getByRole('alert').filter({ hasText: 'The import stopped: your session expired' });
  await expect(stopped).toBeVisible();
  const imported = await results(page).getByRole('row').filter({ hasText: 'Imported' }).count();
  const notStarted = await results(page).getByRole('row').filter({ hasText: 'Not started' }).count();
  expect(imported).toBeGreaterThan(0);
  expect(imported + notStarted).toBe(6);
  const linkedNow = (await localGroups(sim)).filter((group) => ids.includes(group.backend_id) || group.name === DEMO.hostile.emoji);
  expect(linkedNow).toHaveLength(imported);
  await expectAccessible(page, 'import wizard: stopped by session expiry');

  await page.getByRole('button', { name: /^Resume import/ }).click();
  await expect(progressStatus(page)).toHaveText(/^6 groups imported · 0 skipped · 0 failed · \d+ members pulled$/);
  for (const id of ids) expect(await linkedTo(sim, id)).toHaveLength(1);
  expect((await localGroups(sim)).filter((group) => group.name === DEMO.hostile.emoji)).toHaveLength(1);
  await expect(resultRow(page, /gpu-users/)).toContainText('15 members pulled');
});

test('thousands of remote groups: the list is virtualised and search finds any group', async ({ page, sim }) => {
  await sim.reset({ seed: 'large', large: { localGroups: 50, remoteGroups: 4000, memberships: 50, remoteUsers: 100, resources: 3 } });
  await page.goto(`/offerings/${LARGE.offering.uuid}/import`);
  await expect(page.getByText(/^[\d,]+ remote groups under \/omega-hpc/)).toBeVisible();
  const total = Number(((await page.getByText(/remote groups under/).innerText()).match(/^[\d,]+/)?.[0] ?? '0').replaceAll(',', ''));
  expect(total).toBeGreaterThan(3000);
  const drawn = await page.getByRole('list', { name: 'Remote groups' }).getByRole('checkbox').count();
  expect(drawn).toBeLessThan(60);

  await page.getByRole('textbox', { name: 'Search remote groups' }).fill('remote-only-02998');
  await choose(page, 'remote-only-02998');
  await page.getByRole('textbox', { name: 'Search remote groups' }).fill('remote-only-0001');
  // One is chosen already, so the button says it adds the others.
  await page.getByRole('button', { name: 'Select the other 8 matches' }).click();
  await expect(page.getByText('9 groups chosen').first()).toBeVisible();
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await expect(page.getByRole('table', { name: 'Roles for the chosen groups' }).getByRole('row')).toHaveCount(10);
});
