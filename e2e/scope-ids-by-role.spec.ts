import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';
import { pick } from './pages/controls';

/**
 * Scope IDs are offered by the role's scope type where they are picked (issue 29, item 6):
 * alpha-prod-cluster offers p-7x2kq and p-m4n8z as project scopes and ns-shared as a namespace
 * scope; a Namespace Editor group with a project scope would be imported, and then every
 * member added to it refused.
 */
const A = DEMO.offerings.healthyA.uuid;

test('import wizard: a Namespace Editor is offered namespace scopes only, and a project scope is flagged at Assign roles', async ({
  page,
}) => {
  // A group chosen in the URL opens the wizard at Assign roles.
  await page.goto(`/offerings/${A}/import?select=${DEMO.remoteGroups.a.visitors.id}`);
  await expect(page.getByRole('heading', { name: 'Assign roles', level: 3 })).toBeVisible();
  await pick(page, 'Role for Visitors', /^Project Member/);
  await pick(page, 'Resource for Visitors', /^alpha-prod-cluster/);
  await pick(page, 'Scope ID for Visitors', /p-7x2kq/);
  await pick(page, 'Role for Visitors', /^Namespace Editor/);
  // The clash is said where the choice is made, before Review.
  await expect(page.getByText(/“p-7x2kq” is offered for project roles, not for this role/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scope ID for Visitors', exact: true }).click();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.filter({ hasText: 'ns-shared' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'p-7x2kq' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'p-m4n8z' })).toHaveCount(0);
});
