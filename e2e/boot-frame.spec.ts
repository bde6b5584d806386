import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { captureGroupsFrame } from '../src/boot/frame-capture.ts';
import { APP_ENTRY, test, expect } from './fixtures';

/**
 * The boot script draws an offering's groups tab from its early answers before the app's code
 * has run (src/boot/groups-frame.ts); the app then draws the same page in its place. These tests
 * hold the boot script's page to the app's: the same markup and the same place on screen.
 */

const offering = { uuid: DEMO.offerings.healthyA.uuid, name: DEMO.offerings.healthyA.name, customer_name: DEMO.customers.aurora.name };

type Drawn = { rows: unknown[]; tableTop: number; rowHeights: number[] };
type Seen = { boot?: Drawn; app?: Drawn & { frame: string } };

/**
 * Records the boot script's rows when they appear, and the app's first render (captured as
 * index.html's template would be) when its rows appear, each at that moment.
 */
async function watchFirstRenders(page: Page) {
  await page.addInitScript({
    content: `(() => {
      const capture = ${captureGroupsFrame.toString()};
      const offering = ${JSON.stringify(offering)};
      const describe = (node) => node.nodeType === 3 ? node.textContent : {
        tag: node.tagName,
        attributes: [...node.attributes].map((a) => [a.name, a.name === 'style' ? node.style.cssText : a.value]).sort(),
        children: [...node.childNodes].map(describe),
      };
      const drawn = (table) => ({
        rows: [...table.tBodies[0].rows].map(describe),
        tableTop: Math.round(table.getBoundingClientRect().top),
        rowHeights: [...table.tBodies[0].rows].map((row) => Math.round(row.getBoundingClientRect().height)),
      });
      const seen = (window.__seen = {});
      const observer = new MutationObserver(() => {
        const boot = document.querySelector('.boot-frame main table');
        if (!seen.boot && boot && boot.tBodies[0].rows.length) seen.boot = drawn(boot);
        const app = document.querySelector('main#main table');
        if (app && app.tBodies[0].rows.length) {
          seen.app = { ...drawn(app), frame: capture(offering) };
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })();`,
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the boot script’s groups tab is the app’s first render: same page, same rows, same place (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await watchFirstRenders(page);
    // The app's code waits until the boot script has drawn its rows, whatever the machine's speed
    // (unless the copy is being written: the boot script draws nothing without it).
    const updating = Boolean(process.env.UPDATE_BOOT_FRAME);
    await page.route(APP_ENTRY, async (route) => {
      if (!updating) await page.waitForFunction(() => (window as unknown as { __seen: Seen }).__seen.boot !== undefined);
      await route.continue();
    });
    await page.goto(`/offerings/${offering.uuid}/groups`);
    const seen = await page
      .waitForFunction(() => {
        const { __seen } = window as unknown as { __seen: Seen };
        return __seen.app ? __seen : null;
      })
      .then(async (handle) => (await handle.jsonValue()) as Seen);
    const template = await page.evaluate(() => document.querySelector('template#boot-groups')?.innerHTML ?? '');
    if (updating) {
      // The copy is the same in both schemes (the scheme's own slot aside): written once.
      if (scheme === 'light') await writeFile('src/boot/groups-frame.html', `${seen.app?.frame ?? ''}\n`);
      return;
    }
    expect(template, 'index.html’s copy of the page is out of date: `npm run build && npm run boot-frame`').toBe(seen.app?.frame);
    expect(seen.boot?.rows.length).toBe(10);
    expect(seen.boot?.rows, 'the boot script writes the rows as GroupRow does').toEqual(seen.app?.rows);
    expect(seen.boot?.tableTop).toBe(seen.app?.tableTop);
    expect(seen.boot?.rowHeights).toEqual(seen.app?.rowHeights);
  });
}

test('before the app’s code has run: the first rows of the groups tab, inert, in the stored colour scheme; a name search waits for the app', async ({
  page,
  sim,
}) => {
  const { body: groups } = await sim.api<{ name: string }[]>(
    'staff',
    'GET',
    `/api/offering-keycloak-groups/?offering_uuid=${offering.uuid}&page=1&page_size=10`,
  );
  // The app's entry chunk never arrives: what shows is index.html and the boot script alone.
  await page.route(APP_ENTRY, () => new Promise<void>(() => undefined));
  await page.addInitScript(() => localStorage.setItem('waldur-kc.color-scheme', 'dark'));
  await page.goto(`/offerings/${offering.uuid}/groups`, { waitUntil: 'commit' });
  const frame = page.locator('.boot-frame');
  await expect(frame.locator('main table tbody tr')).toHaveCount(groups.length);
  expect(await frame.locator('main table tbody tr td:first-child').allTextContents()).toEqual(groups.map((group) => group.name));
  await expect(frame.locator('main h1')).toHaveText(offering.name);
  await expect(frame).toHaveAttribute('inert', '');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  // Nothing of it is offered to assistive technology (or to a click) until the app has the page.
  await expect(page.getByRole('table')).toHaveCount(0);

  // A name search shows other rows than the page's list: the skeleton stays for the app.
  const list = page.waitForResponse((response) => response.url().includes('/api/offering-keycloak-groups/?'));
  await page.goto(`/offerings/${offering.uuid}/groups?q=viewer`, { waitUntil: 'commit' });
  await list;
  await expect(page.getByRole('status', { name: 'Loading page' })).toBeVisible();
  await expect(page.locator('main table')).toHaveCount(0);
});

test('an answer that is not the API’s (a proxy’s HTML page): the boot script draws nothing and the app says what failed', async ({
  page,
}) => {
  await page.route(
    (url) => url.pathname === '/api/offering-keycloak-groups/' && url.searchParams.get('offering_uuid') === offering.uuid,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Proxy</title><p>Welcome</p>' }),
  );
  let bootTable = 0;
  await page.exposeFunction('__bootTable', () => (bootTable += 1));
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.boot-frame main table')) {
        observer.disconnect();
        void (window as unknown as { __bootTable: () => void }).__bootTable();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`/offerings/${offering.uuid}/groups`);
  await expect(page.getByRole('alert')).toBeVisible();
  expect(bootTable).toBe(0);
});
