import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';

/**
 * A remote group named "\u202Egnp.exe" would read "exe.png": names from either server show their
 * direction controls as text (issue 29, item 5), also while Keycloak answers slowly.
 */
const A = DEMO.offerings.healthyA.uuid;
const SHOWN = '[U+202E]gnp.exe';

test('a right-to-left override in a remote group name is shown, in Sync status and in the import wizard', async ({ page, sim }) => {
  await sim.faults({ slow: [{ path: 'remote_groups', ms: 800 }] });
  await page.goto(`/offerings/${A}/sync`);
  const remoteOnly = page.getByRole('region', { name: /^Only in Keycloak \(/ });
  await expect(remoteOnly.getByText(SHOWN, { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('exe.png')).toHaveCount(0);

  await page.goto(`/offerings/${A}/import`);
  await expect(page.getByRole('checkbox', { name: /\[U\+202E\]gnp\.exe/ })).toBeVisible({ timeout: 10_000 });
  // The override character itself is nowhere in the page's text.
  expect(await page.locator('main').innerText()).not.toContain('\u202E');
});
