import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test } from './fixtures';
import { connectionResult } from './pages/offering-page';

const A = DEMO.offerings.healthyA;
const TEST_PATH = '/api/offering-keycloak-groups/test_connection/';

test('a successful test shows the top-level groups and when it ran', async ({ page }) => {
  await page.goto(`/offerings/${A.uuid}/groups`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result.getByText('Connected', { exact: true })).toBeVisible();
  await expect(result).toContainText('4 top-level groups');
  const names = result.getByRole('list', { name: 'Top-level groups' });
  await expect(names.getByRole('listitem')).toHaveText(['admins', 'alpha-hpc', 'external-partners', 'waldur']);
  await expect(result).toContainText(/Tested at \d/);
  await expectAccessible(page, 'offering header with a connection result');

  // The result stays while moving between tabs.
  await page.getByRole('tab', { name: 'Sync status' }).click();
  await expect(page).toHaveURL(/\/sync$/);
  await expect(result.getByText('Connected', { exact: true })).toBeVisible();
});

test('the result does not push the tabs down, and can be dismissed', async ({ page }) => {
  await page.goto(`/offerings/${A.uuid}/groups`);
  const tabs = page.getByRole('tablist');
  await expect(tabs).toBeVisible();
  const before = await tabs.boundingBox();
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result.getByText('Connected', { exact: true })).toBeVisible();
  expect((await tabs.boundingBox())?.y).toBe(before?.y);
  await result.getByRole('button', { name: 'Dismiss the connection test result' }).click();
  await expect(result).toHaveCount(0);
  expect((await tabs.boundingBox())?.y).toBe(before?.y);
});

test('a long list of groups collapses with a count', async ({ page, sim }) => {
  for (let index = 0; index < 12; index += 1) {
    await sim.call('POST', '/__sim/remote/groups', { offering_uuid: A.uuid, name: `extra-${String(index).padStart(2, '0')}` });
  }
  await page.goto(`/offerings/${A.uuid}/groups`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result).toContainText('16 top-level groups');
  await expect(result.getByRole('listitem')).toHaveCount(8);
  await result.getByRole('button', { name: 'Show all 16 (8 more)' }).click();
  await expect(result.getByRole('listitem')).toHaveCount(16);
  await result.getByRole('button', { name: 'Show fewer' }).click();
  await expect(result.getByRole('listitem')).toHaveCount(8);
});

test('a failed test says what Waldur said and what to check', async ({ page }) => {
  await page.goto(`/offerings/${DEMO.offerings.unreachable.uuid}/groups`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result.getByText('Connection failed')).toBeVisible();
  await expect(result.getByText('Unable to connect to Keycloak.')).toBeVisible();
  await expect(result).toContainText('Check Keycloak URL, Realm, Admin username and Admin password in the offering’s Settings');
  await expect(result).toContainText(/Tested at/);
  await expectAccessible(page, 'offering header with a failed connection test');
});

test('a misconfigured offering fails the same way', async ({ page }) => {
  await page.goto(`/offerings/${DEMO.offerings.misconfigured.uuid}/groups`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionResult(page).getByText('Unable to connect to Keycloak.')).toBeVisible();
});

test('a slow test shows progress and cannot be started twice', async ({ page, sim }) => {
  await sim.faults({ slow: [{ path: TEST_PATH, ms: 2500 }] });
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().includes(TEST_PATH) && request.method() === 'POST') requests += 1;
  });
  await page.goto(`/offerings/${A.uuid}/groups`);
  // A first result, then a second, slow test: the old result stays until the new one lands.
  const button = page.getByRole('button', { name: 'Test connection' });
  await button.click();
  await expect(connectionResult(page)).toContainText('Connected');
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Testing the connection to Keycloak' })).toBeVisible();
  await expect(button).toBeDisabled();
  await button.dispatchEvent('click');
  await expect(connectionResult(page)).toContainText('Connected');
  await expect(page.getByRole('status').filter({ hasText: 'Testing the connection' })).toHaveCount(0);
  expect(requests).toBe(2);
});

test('an answer Waldur refuses (403) is shown, not swallowed', async ({ page, sim }) => {
  await sim.faults({ fail: [{ method: 'POST', path: TEST_PATH, status: 403 }] });
  await page.goto(`/offerings/${A.uuid}/groups`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result.getByText('Connection failed')).toBeVisible();
  await expect(result).toContainText('Only staff and the owners of the offering’s organization can test its connection.');
});

test.describe('as the owner', () => {
  test.use({ account: 'owner' });
  test('can test the connection of an offering of their organization', async ({ page }) => {
    await page.goto(`/offerings/${A.uuid}/groups`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(connectionResult(page)).toContainText('Connected');
  });
});

test.describe('as the viewer', () => {
  test.use({ account: 'viewer' });
  test('cannot start a test and is told why', async ({ page }) => {
    await page.goto(`/offerings/${A.uuid}/groups`);
    const button = page.getByRole('button', { name: 'Test connection' });
    await expect(button).toBeDisabled();
    const reasonId = await button.getAttribute('aria-describedby');
    expect(reasonId).toBeTruthy();
    await expect(page.locator(`[id="${reasonId}"]`)).toContainText('You cannot manage this offering');
    await expect(connectionResult(page)).toHaveCount(0);
  });
});
