import type { Page, Request } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test } from './fixtures';
import { pick } from './pages/controls';

const A = DEMO.offerings.healthyA.uuid;
const searchUrl = (query = '') => `/offerings/${A}/remote-users${query ? `?${query}` : ''}`;

function searchText(request: Request): string | null {
  const url = new URL(request.url());
  return url.pathname.includes('/search_remote_users/') ? (url.searchParams.get('q') ?? '') : null;
}

/** Every search the page sends, in order. */
function recordSearches(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const q = searchText(request);
    if (q !== null) sent.push(q);
  });
  return sent;
}

const results = (page: Page, q: string) => page.getByRole('table', { name: `Remote users matching “${q}”`, exact: true });

test('search: minimum length, debounced typing, and an older answer arriving late never replaces newer results', async ({ page, sim }) => {
  // The older search ("al") answers 1.5 s late, after the newer one.
  await sim.faults({ slow: [{ path: 'search_remote_users', query: { q: 'al' }, ms: 1500 }] });
  const sent = recordSearches(page);
  await page.goto(searchUrl());
  const box = page.getByRole('searchbox', { name: 'Search remote users' });
  await expect(page.getByText('Type at least 2 characters to search')).toBeVisible();

  await box.fill('a');
  await expect(page.getByText(/at least 2 characters: Waldur needs a search text/)).toBeVisible();

  const slowAnswer = page.waitForRequest((request) => searchText(request) === 'al');
  await box.fill('al');
  const slow = await slowAnswer;
  // Whether the old request is cancelled or answers late, wait until it is over either way.
  const slowDone = Promise.race([
    page.waitForEvent('requestfailed', (request) => request === slow),
    page.waitForEvent('requestfinished', (request) => request === slow),
  ]);
  await box.pressSequentially('ice');
  await expect(results(page, 'alice')).toBeVisible();
  await expect(page).toHaveURL(/q=alice/);
  await slowDone;
  await expect(results(page, 'alice')).toBeVisible();
  await expect(page.getByRole('table', { name: /matching “al”/ })).toHaveCount(0);
  // Debounced: one search for "al", one for "alice", none for what was typed in between.
  expect(sent).toEqual(['al', 'alice']);

  const table = results(page, 'alice');
  const alice = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'alice', exact: true }) });
  await expect(alice).toContainText('Alice Andersson-Berg');
  await expect(alice).toContainText('alice@uni-example.org');
  await expect(alice.getByText('Viewer', { exact: true })).toBeVisible();
  await expectAccessible(page, 'remote users');
});

test('add from search: the row action adds the user to a group with their username and email', async ({ page, sim }) => {
  await page.goto(searchUrl('q=lonely'));
  const table = results(page, 'lonely');
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: DEMO.remoteUsers.noMembership, exact: true }) });
  await expect(row).toContainText('None');
  await row.getByRole('button', { name: `Add ${DEMO.remoteUsers.noMembership} to group` }).click();
  const dialog = page.getByRole('dialog', { name: `Add ${DEMO.remoteUsers.noMembership} to a group` });
  await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue(DEMO.remoteUsers.noMembership);
  const email = await dialog.getByRole('textbox', { name: 'Email' }).inputValue();
  expect(email).toContain('@');
  await pick(dialog, 'Role', 'Viewer', { exact: true });
  await expectAccessible(page, 'add to group dialog');
  await dialog.getByRole('button', { name: 'Add to group' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('Viewer', { exact: true })).toBeVisible();
  const { body } = await sim.api<{ username: string; email: string; state: string; group_name: string }[]>(
    'staff',
    'GET',
    `/api/offering-keycloak-memberships/?offering_uuid=${A}&username=${DEMO.remoteUsers.noMembership}`,
  );
  expect(body).toEqual([expect.objectContaining({ email, state: 'active', group_name: DEMO.groups.a.viewer.name })]);
});

test('keyboard: arrow keys move through the results and Enter opens the row action', async ({ page }) => {
  await page.goto(searchUrl('q=alice'));
  const table = results(page, 'alice');
  await expect(table).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search remote users' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = table.getByRole('row').nth(2);
  await expect(second).toBeFocused();
  const username = (await second.getByRole('cell').first().textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `Add ${username} to a group` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('unreachable Keycloak: a clear message, and the last results stay visible, marked stale', async ({ page, sim }) => {
  await page.goto(searchUrl('q=alice'));
  await expect(results(page, 'alice')).toBeVisible();
  await sim.faults({ keycloakDown: true });
  await page.getByRole('searchbox', { name: 'Search remote users' }).fill('alice.a');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not reach Keycloak' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Unable to search remote users.');
  await expect(alert).toContainText('may be out of date');
  const stale = page.getByRole('table', { name: 'Remote users matching “alice” (stale)' });
  await expect(stale).toBeVisible();
  await expect(page.getByText(/^Stale: from/)).toBeVisible();
  await expect(stale.getByRole('cell', { name: 'alice', exact: true })).toBeVisible();
  await expectAccessible(page, 'remote users, Keycloak unreachable');

  // Back online: Retry brings fresh results.
  await sim.faults({});
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(results(page, 'alice.a')).toBeVisible();
  await expect(page.getByText(/^Stale: from/)).toHaveCount(0);
});

test('an offering whose Keycloak cannot be reached says so at the first search', async ({ page }) => {
  await page.goto(`/offerings/${DEMO.offerings.unreachable.uuid}/remote-users?q=alice`);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not reach Keycloak' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('search: when Waldur returns its 25, the page says there may be more', async ({ page, sim }) => {
  for (let i = 0; i < 30; i++) {
    await sim.call('POST', '/__sim/remote/users', { offering_uuid: A, username: `captest${String(i).padStart(2, '0')}` });
  }
  await page.goto(searchUrl('q=captest'));
  await expect(results(page, 'captest')).toBeVisible();
  await expect(page.getByText('25 users matching “captest”')).toBeVisible();
  await expect(page.getByText('Showing the first 25 matches; type more to narrow.')).toBeVisible();
  await expectAccessible(page, 'remote users capped');

  const box = page.getByRole('searchbox', { name: 'Search remote users' });
  await box.fill('captest0');
  await expect(results(page, 'captest0')).toBeVisible();
  await expect(page.getByText('10 users matching “captest0”')).toBeVisible();
  await expect(page.getByText(/Showing the first 25 matches/)).toHaveCount(0);
});
