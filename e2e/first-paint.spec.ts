import { test, expect, type SimControl } from './fixtures';

type OfferingRow = { uuid: string; name: string; plugin_options?: { keycloak_enabled?: boolean } };

async function keycloakOffering(sim: SimControl): Promise<OfferingRow> {
  const { body } = await sim.api<OfferingRow[]>('staff', 'GET', '/api/marketplace-provider-offerings/?page_size=300');
  const offering = body.find((item) => item.plugin_options?.keycloak_enabled);
  if (!offering) throw new Error('the demo seed has no Keycloak-enabled offering');
  return offering;
}

test('a slow server: the app frame and a skeleton show while the offering loads, then the page', async ({ page, sim }) => {
  const offering = await keycloakOffering(sim);
  await sim.faults({ slow: [{ path: `/marketplace-provider-offerings/${offering.uuid}/`, ms: 2500 }] });
  await page.goto(`/offerings/${offering.uuid}/groups`);
  await expect(page.getByText('Waldur · Keycloak groups')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading page' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  await expect(page.getByRole('heading', { name: offering.name, level: 1 })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status', { name: 'Loading page' })).toHaveCount(0);
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
