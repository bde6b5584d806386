import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { DEMO81 } from '../sim/src/seed/demo-8-1.ts';
import { APP_ENTRY, test, expect, type SimControl } from './fixtures';

type OfferingRow = { uuid: string; name: string; plugin_options?: { keycloak_enabled?: boolean } };

async function keycloakOffering(sim: SimControl): Promise<OfferingRow> {
  const { body } = await sim.api<OfferingRow[]>('staff', 'GET', '/api/marketplace-provider-offerings/?page_size=300');
  const offering = body.find((item) => item.plugin_options?.keycloak_enabled);
  if (!offering) throw new Error('the demo seed has no Keycloak-enabled offering');
  return offering;
}

test('a slow server: the app frame and a skeleton show while the offering loads, then the page', async ({ page, sim }) => {
  const offering = await keycloakOffering(sim);
  // The offering's answer is held until the skeleton has been seen (a timed delay let a loaded
  // machine reach the checks after the answer).
  let answer: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (answer = resolve));
  await page.route(
    (url) => url.pathname === `/api/marketplace-provider-offerings/${offering.uuid}/`,
    async (route) => {
      await released;
      await route.continue();
    },
  );
  await page.goto(`/offerings/${offering.uuid}/groups`);
  await expect(page.locator('.first-paint header')).toBeVisible();
  await expect(page.locator('.first-paint').getByRole('status')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  answer();
  await expect(page.getByRole('heading', { name: offering.name, level: 1 })).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.first-paint')).toHaveCount(0);
});

test('the first paint comes before any app code: the frame with skeletons, in the stored colour scheme', async ({ page }) => {
  // The app's entry chunk never arrives: what shows is index.html and the boot script alone.
  await page.route(APP_ENTRY, () => new Promise<void>(() => undefined));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => localStorage.setItem('waldur-kc.color-scheme', 'dark'));
  await page.goto(`/offerings/${DEMO.offerings.healthyA.uuid}/members`, { waitUntil: 'commit' });
  // Wordless until the app runs, which speaks the visit's language.
  await expect(page.locator('.first-paint header')).toBeVisible();
  await expect(page.locator('.first-paint').getByRole('status')).toBeVisible();
  await expect(page.locator('.first-paint')).not.toContainText(/\w/);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background, 'the dark body colour before the app has run').not.toBe('rgb(255, 255, 255)');
});

test.describe('signed out', () => {
  test.use({ account: null });

  test('the first paint shows no frame: the sign-in form comes', async ({ page }) => {
    await page.route(APP_ENTRY, () => new Promise<void>(() => undefined));
    await page.goto(`/offerings/${DEMO.offerings.healthyA.uuid}/groups`, { waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveAttribute('data-boot-signed-out', '');
    await expect(page.locator('.first-paint').getByRole('status')).toBeHidden();

    // With the app's code: the sign-in page, and nothing of the skeleton left over.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.goto(`/offerings/${DEMO.offerings.healthyA.uuid}/groups`);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.locator('.first-paint')).toHaveCount(0);
  });
});

test('the built app logs no development warnings', async ({ page, sim }) => {
  const offering = await keycloakOffering(sim);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`/offerings/${offering.uuid}/groups`);
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await page.getByRole('tab', { name: 'Sync status' }).click();
  await expect(page).toHaveURL(/\/sync/);
  await page.getByRole('tab', { name: 'Members' }).click();
  await expect(page).toHaveURL(/\/members/);
  expect(warnings).toEqual([]);
});

test('form code waits for the first groups rows: the link dialog is fetched after them, not beside them', async ({ page, sim }) => {
  const offering = await keycloakOffering(sim);
  // A slow groups list leaves time for anything else the page fetches before its rows.
  await sim.faults({ slow: [{ path: '/api/offering-keycloak-groups/', query: { offering_uuid: offering.uuid }, ms: 1500 }] });
  const events: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/(link-dialog|zod|schemas)-/.test(request.url())) events.push(`code ${new URL(request.url()).pathname}`);
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname === '/api/offering-keycloak-groups/' && url.searchParams.get('offering_uuid') === offering.uuid) events.push('rows');
  });
  await page.goto(`/offerings/${offering.uuid}/groups`);
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await expect.poll(() => events.some((event) => event.includes('link-dialog'))).toBe(true);
  expect(events.indexOf('rows'), events.join(', ')).toBe(0);
});

/**
 * Holds the app's entry chunk until `sent` has settled, then lets it load: what is requested
 * meanwhile was sent by the boot script, not by the app. Counts the API requests by URL.
 */
async function holdAppCode(page: Page, sent: Promise<unknown>) {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) counts.set(url.pathname + url.search, (counts.get(url.pathname + url.search) ?? 0) + 1);
  });
  await page.route(APP_ENTRY, async (route) => {
    await sent;
    await route.continue();
  });
  return counts;
}

test('the groups tab: its first requests leave before the app code loads, and the app takes them instead of asking twice', async ({
  page,
}) => {
  const offering = DEMO.offerings.healthyA;
  const list = `/api/offering-keycloak-groups/?offering_uuid=${offering.uuid}&page=2&page_size=10`;
  const detail = `/api/marketplace-provider-offerings/${offering.uuid}/`;
  const counts = await holdAppCode(
    page,
    page.waitForRequest((request) => request.url().endsWith(list)),
  );
  await page.goto(`/offerings/${offering.uuid}/groups?page=2`);
  await expect(page.getByText('11–13 of 13 groups')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('row')).toHaveCount(4);
  expect(counts.get(list)).toBe(1);
  expect(counts.get(detail)).toBe(1);
});

test('the Sync status tab: the sync status leaves before the app code loads, only for an offering with Keycloak', async ({ page }) => {
  const offering = DEMO.offerings.healthyA;
  const status = `/api/offering-keycloak-groups/sync_status/?offering_uuid=${offering.uuid}`;
  const counts = await holdAppCode(
    page,
    page.waitForRequest((request) => request.url().endsWith(status)),
  );
  await page.goto(`/offerings/${offering.uuid}/sync`);
  await expect(page.getByRole('list').first().getByRole('listitem').first()).toBeVisible();
  expect(counts.get(status)).toBe(1);

  // Waldur answers 400 to the sync status of an offering without Keycloak: nothing asks it.
  const plain = DEMO.offerings.noKeycloak;
  await page.goto(`/offerings/${plain.uuid}/sync`);
  await expect(page.getByText('Keycloak is not enabled for this offering')).toBeVisible();
  expect([...counts.keys()].filter((url) => url.includes(plain.uuid) && url.includes('/offering-keycloak-groups/'))).toEqual([]);
});

test('the Access tab (Waldur 8.1): the user, the resources and the first grant reads leave before the app code loads, each sent once', async ({
  page,
  sim,
}) => {
  await sim.reset({ waldur: '8.1' });
  const offering = DEMO81.offerings.k8s;
  const hex = (uuid: string) => uuid.replaceAll('-', '').toLowerCase();
  const reads = [DEMO81.resources.prod, DEMO81.resources.dev, DEMO81.resources.ml, DEMO81.resources.archive].map(
    (resource) => `/api/marketplace-resources/${hex(resource.uuid)}/team_members/?page=1&page_size=300`,
  );
  // Held until every resource's grant read has left: the boot script sent them all (4 resources).
  const left = new Set<string>();
  const counts = await holdAppCode(
    page,
    page.waitForRequest((request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/team_members/')) left.add(url.pathname + url.search);
      return reads.every((read) => left.has(read));
    }),
  );
  await page.goto(`/offerings/${offering.uuid}/access`);
  await expect(page.getByRole('status').filter({ hasText: '33 grants on 4 resources' })).toContainText('22 in Keycloak');
  for (const read of reads) expect(counts.get(read), read).toBe(1);
  expect(counts.get('/api/users/me/')).toBe(1);
  expect(counts.get(`/api/marketplace-provider-resources/?offering_uuid=${hex(offering.uuid)}&o=name&page=1&page_size=300`)).toBe(1);
});
