import { test, expect, expectAccessible, type SimControl } from './fixtures';
import { pick } from './pages/controls';
import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';

type OfferingRow = { uuid: string; name: string; customer_name: string; plugin_options?: { keycloak_enabled?: boolean } };

async function offerings(sim: SimControl): Promise<OfferingRow[]> {
  const { body } = await sim.api<OfferingRow[]>('staff', 'GET', '/api/marketplace-provider-offerings/?page_size=300');
  return body;
}

async function keycloakOffering(sim: SimControl): Promise<OfferingRow> {
  const all = await offerings(sim);
  const offering = all.find((item) => item.plugin_options?.keycloak_enabled);
  if (!offering) throw new Error('the demo seed has no Keycloak-enabled offering');
  return offering;
}

test.describe('signed out', () => {
  test.use({ account: null });

  test('wrong password: a clear message, and the fields keep what was typed', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // A first visit has nothing to report: the form's heading says what to do.
    await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);
    await page.getByLabel('Username').fill('staff');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong username or password');
    // One message at a time: nothing but the error (issue 29, item 18).
    await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);
    await expect(page.getByText('Sign in to continue.')).toHaveCount(0);
    await expect(page.getByLabel('Username')).toHaveValue('staff');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('not-the-password');
    await expectAccessible(page, 'sign-in');
  });

  test('an expired session says so, and a failed sign-in then shows its error instead, not under it', async ({ page }) => {
    await page.goto('/sign-in?reason=expired&next=%2Fofferings');
    const form = page.getByRole('main');
    await expect(form.getByRole('status')).toHaveText('Your session has expired. Sign in again to continue where you were.');
    await page.getByLabel('Username').fill('staff');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toContainText('Wrong username or password');
    await expect(form.getByRole('status')).toHaveCount(0);
  });

  test('a deep link goes to sign-in and back without asking the API first (no 401s on the way)', async ({ page, sim }) => {
    const target = await keycloakOffering(sim);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) asked.push(request.url());
    });
    await page.goto(`/offerings/${target.uuid}/groups?page_size=20`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(asked).toEqual([]);
    await page.getByLabel('Username').fill('staff');
    await page.getByLabel('Password', { exact: true }).fill('staff');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/offerings/${target.uuid}/groups\\?page_size=20$`));
  });

  test('sign in as staff, see the server, find an offering, switch tabs, sign out', async ({ page, sim }) => {
    const target = await keycloakOffering(sim);
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('staff');
    await page.getByLabel('Password', { exact: true }).fill('staff');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Offerings', level: 1 })).toBeVisible();
    // The header names who is signed in.
    await expect(page.getByRole('banner').getByText(DEMO.accounts.staff.fullName, { exact: true })).toBeVisible();

    // Server capabilities.
    await page.getByRole('link', { name: 'Server' }).click();
    await expect(page.getByRole('row', { name: /Waldur version/ })).toContainText('8.0.5');
    await expect(page.getByRole('row', { name: /Offering Keycloak groups/ })).toContainText('Available');
    await expect(page.getByRole('row', { name: /Rancher Keycloak memberships/ })).toContainText('Available');
    await expectAccessible(page, 'server');

    // Find the offering by searching; the search lands in the URL.
    await page.getByRole('link', { name: 'Offerings' }).click();
    const words = target.name.split(/\s+/);
    const query = words.length > 1 ? (words[1] as string) : target.name.slice(0, 5);
    await page.getByLabel('Search offerings').fill(query);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query).replace(/%20/g, '\\+')}`));
    const table = page.getByRole('table', { name: 'Offerings' });
    await expect(table.getByRole('link', { name: target.name, exact: true })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(escapeRegExp(target.name)) })).toContainText('Keycloak enabled');
    await expectAccessible(page, 'offerings');
    await table.getByRole('link', { name: target.name, exact: true }).click();

    // The offering frame: heading and tabs as routes; reload keeps the view.
    await expect(page).toHaveURL(new RegExp(`/offerings/${target.uuid}/groups`));
    await expect(page.getByRole('heading', { name: target.name, level: 1 })).toBeVisible();
    for (const [tab, path] of [
      ['Sync status', 'sync'],
      ['Members', 'members'],
      ['Remote users', 'remote-users'],
      ['Groups', 'groups'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page).toHaveURL(new RegExp(`/offerings/${target.uuid}/${path}$`));
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    }
    await page.getByRole('tab', { name: 'Sync status' }).click();
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Sync status' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: target.name, level: 1 })).toBeVisible();

    // Sign out forgets the session: back to sign-in, and protected pages need it again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`/offerings/${target.uuid}/groups`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });

  test('sign in with an API token, remembered across a new tab', async ({ page, sim, context }) => {
    const token = await sim.token('owner');
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Use an API token' }).click();
    await page.getByLabel('API token').fill('wrong0token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('not accepted');
    await page.getByLabel('API token').fill(token);
    await page.getByRole('checkbox', { name: 'Remember me' }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Offerings', level: 1 })).toBeVisible();
    // localStorage is shared by tabs of the same origin: a new tab is still signed in.
    const second = await context.newPage();
    await second.goto('/server');
    await expect(second.getByRole('heading', { name: 'Server' })).toBeVisible();
    expect(await second.evaluate(() => Object.values(window.localStorage).join(' '))).toContain(token);
    expect(second.url()).not.toContain(token);
    await second.close();
  });
});

test('dark mode is remembered across reloads', async ({ page }) => {
  await page.goto('/offerings');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('heading', { name: 'Offerings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('offerings: paging is kept in the URL and survives a reload', async ({ page, sim }) => {
  const total = (await offerings(sim)).length;
  await page.goto('/offerings');
  await expect(page.getByText(new RegExp(`of ${total} offerings`))).toBeVisible();
  await pick(page, 'Rows per page', '25', { exact: true });
  await expect(page).toHaveURL(/page_size=25/);
  await expect(page.getByText(new RegExp(`of ${total} offerings`))).toBeVisible();
  await page.goto('/offerings?page_size=2&page=2');
  await expect(page.getByText(new RegExp(`^3–4 of ${total} offerings`))).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=3/);
  await page.reload();
  await expect(page.getByText(new RegExp(`^5–${Math.min(6, total)} of ${total} offerings`))).toBeVisible();
});

test('a search that matches nothing says so', async ({ page }) => {
  await page.goto('/offerings?q=zzzz-nothing-matches');
  await expect(page.getByRole('heading', { name: /No offerings match/ })).toBeVisible();
});

/**
 * The token expires while no page is open, then the same page loads again: a page left open
 * could still send a request of its own (a picker loading its options) between the two, get the
 * 401 and sign out before the reload, which is another story ("Sign in to continue").
 */
async function expireAndReload(page: Page, sim: SimControl) {
  const url = page.url();
  // A page of the same origin that sends no request (about:blank has no sessionStorage).
  await page.goto('/config.json');
  await sim.faults({ expireTokens: true });
  await page.goto(url);
}

test('an expired token sends you to sign in and back to the same page', async ({ page, sim }) => {
  const target = await keycloakOffering(sim);
  await page.goto(`/offerings/${target.uuid}/members`);
  await expect(page.getByRole('heading', { name: target.name, level: 1 })).toBeVisible();
  await expireAndReload(page, sim);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByText('Your session has expired')).toBeVisible();
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('staff');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/offerings/${target.uuid}/members$`));
  await expect(page.getByRole('heading', { name: target.name, level: 1 })).toBeVisible();
});

test('an expired token: once the server has said 401, no more API requests go out', async ({ page, sim }) => {
  const target = await keycloakOffering(sim);
  await page.goto(`/offerings/${target.uuid}/groups`);
  await expect(page.getByRole('heading', { name: target.name, level: 1 })).toBeVisible();
  // Requests and 401 answers in the order the browser saw them.
  const events: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) events.push(`sent ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() === 401) events.push(`401 ${response.url()}`);
  });
  await expireAndReload(page, sim);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByText('Your session has expired')).toBeVisible();
  const first401 = events.findIndex((event) => event.startsWith('401 '));
  expect(first401, 'the server refused the token').toBeGreaterThanOrEqual(0);
  expect(
    events.slice(first401).filter((event) => event.startsWith('sent ')),
    'requests after the first 401',
  ).toEqual([]);
});

test('the console stays quiet on the start page: no warnings (React Router production build)', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/offerings$/);
  await expect(page.getByRole('table', { name: 'Offerings' })).toBeVisible();
  expect(warnings).toEqual([]);
});

test('nothing scrolls sideways: a long search text in the empty states, the Server page at 390 px', async ({ page, sim }) => {
  const target = await keycloakOffering(sim);
  const long = 'x'.repeat(200);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const [path, empty] of [
    [`/offerings?q=${long}`, 'No offerings match'],
    [`/offerings/${target.uuid}/groups?q=${long}`, /^No groups/],
    [`/rancher-memberships?username=${long}`, /^No memberships/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: empty }).first()).toBeVisible();
    expect(await sideways(), path).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/server');
  await expect(page.getByRole('row', { name: /Waldur version/ })).toContainText('8.0.5');
  expect(await sideways(), 'the Server page at 390 px').toBeLessThanOrEqual(0);
});

test('the header fits at 390 px in every language: every control on screen, the whole name, sign out by its name', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const signOut = { en: 'Sign out', de: 'Abmelden', et: 'Logi välja', ar: 'تسجيل الخروج' };
  for (const [language, name] of Object.entries(signOut)) {
    await page.goto(`/offerings?language=${language}`);
    const header = page.getByRole('banner');
    // Below the "sm" breakpoint an icon button, named as the text button was (one of the two is shown).
    await expect(header.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(header.getByRole('combobox')).toBeVisible();
    const fit = await header.evaluate((element) => {
      const shown = [...element.querySelectorAll('button, select, a, p')].filter((item) => item.getClientRects().length > 0);
      const outside = shown.filter((item) => {
        const box = item.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth;
      });
      const title = element.querySelector('p');
      return {
        outside: outside.map((item) => item.textContent || item.getAttribute('aria-label')),
        clipped: title ? title.scrollHeight > title.clientHeight : true,
      };
    });
    expect(fit, language).toEqual({ outside: [], clipped: false });
  }
  await page.getByRole('banner').getByRole('button', { name: 'تسجيل الخروج', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a 500 page from the server shows an error with Retry, and Retry recovers', async ({ page, sim }) => {
  await sim.faults({ errorRate: 1 });
  await page.goto('/offerings');
  await expect(page.getByRole('alert')).toContainText('The server failed to handle the request (HTTP 500)');
  await expect(page.getByText('<html')).toHaveCount(0);
  await sim.faults({});
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: 'Offerings' })).toBeVisible();
});

test('unknown routes and unknown offerings get a not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await page.goto('/offerings/0123456789abcdef0123456789abcdef/groups');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expectAccessible(page, 'not-found');
});

test('an offering without Keycloak says so instead of showing tabs', async ({ page, sim }) => {
  const plain = (await offerings(sim)).find((item) => !item.plugin_options?.keycloak_enabled);
  if (!plain) throw new Error('the demo seed has no offering without Keycloak');
  const keycloakCalls: string[] = [];
  page.on('request', (request) => {
    if (/sync_status|remote_groups|remote_group_members|search_remote_users/.test(request.url())) keycloakCalls.push(request.url());
  });
  await page.goto(`/offerings/${plain.uuid}/groups`);
  await expect(page.getByText('Keycloak is not enabled for this offering')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Groups' })).toHaveCount(0);
  // Its Keycloak views are never asked for (Waldur would answer 400), not even from their URLs.
  for (const tab of ['sync', 'import', 'remote-users?q=alice']) {
    await page.goto(`/offerings/${plain.uuid}/${tab}`);
    await expect(page.getByText('Keycloak is not enabled for this offering')).toBeVisible();
  }
  expect(keycloakCalls).toEqual([]);
});

test('follows the system dark preference until a scheme is chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/offerings');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test.describe('as a viewer', () => {
  test.use({ account: 'viewer' });

  test('the Server page says why a non-staff user sees no Waldur version', async ({ page }) => {
    await page.goto('/server');
    await expect(page.getByRole('row', { name: /Waldur version/ })).toContainText(
      'UnknownWaldur tells its version to staff and support users only.',
    );
  });
});

test('a Waldur without offering Keycloak groups: the reason is on the Server page and the offering', async ({ page, sim }) => {
  const target = await keycloakOffering(sim);
  await sim.reset({ withoutOfferingKeycloak: true });
  await page.goto('/server');
  await expect(page.getByRole('row', { name: /Offering Keycloak groups/ })).toContainText(
    'Offering Keycloak groups were removed in Waldur 8.0.8; this server runs 8.0.8.',
  );
  await page.goto(`/offerings/${target.uuid}/groups`);
  await expect(page.getByText('Keycloak groups are not available on this server')).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
