// The build served by a real nginx with deploy/nginx.conf (npm run test:nginx starts it, with the
// API proxied to a simulator and config.json naming the API as another origin of that nginx).
import { expect, test } from '@playwright/test';
import { DEMO } from '../../sim/src/seed/demo.ts';
import { SimControl } from '../fixtures';

const appUrl = process.env.NGINX_APP_URL ?? '';
const apiUrl = process.env.NGINX_API_URL ?? '';
const A = DEMO.offerings.healthyA;

test.beforeAll(() => {
  if (!appUrl || !apiUrl || !process.env.NGINX_SIM_URL) throw new Error('run through `npm run test:nginx`, which starts nginx');
});

test('through nginx: sign in, the groups tab, a deep-link reload, config.json read, no CSP violation or console error', async ({
  page,
}) => {
  await new SimControl(process.env.NGINX_SIM_URL ?? '').reset();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx answer (the demo's groups missing in Keycloak have members
    // Waldur cannot read): the server's words, as in e2e/fixtures.ts. A CSP block is logged too.
    if (message.type() === 'error' && !/^Failed to load resource/.test(message.text())) problems.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  const apiOrigins = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api')) apiOrigins.add(url.origin);
  });

  // A deep link, signed out: the sign-in form, and back to the link after it.
  const deepLink = `/offerings/${A.uuid}/groups`;
  const first = await page.goto(deepLink);
  expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(first?.headers()['x-content-type-options']).toBe('nosniff');
  expect(first?.headers()['cache-control']).toBe('no-cache');
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('staff');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${deepLink}$`));
  await expect(page.getByRole('tab', { name: 'Groups', selected: true })).toBeVisible();
  const groups = page.getByRole('table', { name: 'Groups' });
  await expect(groups.getByRole('button', { name: 'Researchers', exact: true }).first()).toBeVisible();

  // A reload of a deep link with state in its URL: nginx answers index.html, the app that page.
  await page.goto(`${deepLink}?page_size=25`);
  await expect(page.getByRole('tab', { name: 'Groups', selected: true })).toBeVisible();
  await expect(groups.getByRole('button', { name: 'Researchers', exact: true }).first()).toBeVisible();
  await page.reload();
  await expect(groups.getByRole('button', { name: 'Researchers', exact: true }).first()).toBeVisible();

  // The app asked the API where config.json says, and only there.
  expect([...apiOrigins]).toEqual([apiUrl]);
  const config = await page.request.get('/config.json');
  expect(config.headers()['cache-control']).toBe('no-cache');
  expect(await config.json()).toEqual({ apiUrl });
  const script = await page.request.get((await page.locator('script[type="module"]').getAttribute('src')) ?? '/missing');
  expect(script.status()).toBe(200);
  expect(script.headers()['cache-control']).toContain('immutable');
  expect(script.headers()['content-type']).toMatch(/javascript/);
  expect(problems).toEqual([]);
});
