// The app's main path in one run: sign in, groups, sync status, import one group, add and
// remove a member. `npm test` runs it on the in-memory Keycloak; `npm run test:keycloak` runs
// it again with the simulator in front of a real Keycloak (E2E_KEYCLOAK_URL).
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';
import { pick } from './pages/controls';

const A = DEMO.offerings.healthyA;
const VIEWER = DEMO.groups.a.viewer;
// In Keycloak, member of nothing.
const NEW = DEMO.remoteUsers.noMembership;
test.use({ account: null });

test('sign in, groups, sync status, import a group, add and remove a member', async ({ page, sim }) => {
  // A real Keycloak answers slower than memory, and a reset re-seeds what the test changed.
  test.slow();
  await page.goto('/');
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('staff');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: A.name }).click();

  // Groups, with the linked remote group of each.
  await expect(page.getByRole('tab', { name: 'Groups', selected: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('button', { name: 'Researchers', exact: true }).first()).toBeVisible();

  // Sync status: the diff of both sides.
  await page.getByRole('tab', { name: 'Sync status' }).click();
  await expect(page.getByRole('heading', { name: /^Synced \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Only in Keycloak \(\d+\)$/ })).toBeVisible();

  // Import one remote group with its members.
  await page.getByRole('link', { name: 'Import remote groups' }).click();
  await page.getByRole('checkbox', { name: 'Data Stewards', exact: true }).check();
  await page.getByRole('button', { name: 'Next: Assign roles' }).click();
  await pick(page, 'Role for Data Stewards', 'Operator');
  await pick(page, 'Resource for Data Stewards', 'alpha-archive');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByRole('button', { name: 'Import 1 group' }).click();
  await expect(page.getByRole('status').filter({ hasText: /imported/ })).toHaveText(
    '1 group imported · 0 skipped · 0 failed · 4 members pulled',
  );
  await page.getByRole('button', { name: 'Done' }).click();

  // Add a member who exists in Keycloak: active at once, and in the remote group.
  await page.getByRole('tab', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByRole('combobox', { name: 'Username' }).fill(NEW);
  await dialog.getByRole('textbox', { name: 'Email' }).fill('lonely.user@example.org');
  await pick(dialog, 'Role', 'Viewer', { exact: true });
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole('table', { name: 'Members' })
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Select ${NEW} in ${VIEWER.name}`, exact: true }) });
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  const remoteMembers = async () =>
    (
      await sim.api<Array<{ username: string }>>(
        'staff',
        'GET',
        `/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A.uuid}&group_id=${VIEWER.backendId}`,
      )
    ).body.map((user) => user.username);
  expect(await remoteMembers()).toContain(NEW);

  // Remove them: gone from Waldur and from the Keycloak group.
  await page.getByRole('button', { name: `Actions for ${NEW} in ${VIEWER.name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(row).toHaveCount(0);
  expect(await remoteMembers()).not.toContain(NEW);
});
