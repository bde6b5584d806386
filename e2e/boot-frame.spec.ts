import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { captureFrame } from '../src/boot/frame-capture.ts';
import { APP_ENTRY, test, expect } from './fixtures';

/**
 * The boot script draws an offering's groups tab, and its Sync status tab, from its early answers
 * before the app's code has run (src/boot/groups-frame.ts, sync-frame.ts); the app then draws the
 * same page in its place. These tests hold the boot script's page to the app's: the same markup
 * and the same place on screen. `npm run boot-frame` runs the "same page" ones to write
 * index.html's copies of the app's pages instead.
 */

const offering = { uuid: DEMO.offerings.healthyA.uuid, name: DEMO.offerings.healthyA.name, customer_name: DEMO.customers.aurora.name };
const updating = Boolean(process.env.UPDATE_BOOT_FRAME);

type Tab = Parameters<typeof captureFrame>[1];
type GroupsDrawn = { rows: unknown[]; tableTop: number; rowHeights: number[] };
type SyncDrawn = { sections: { title: string; top: number; listHeight: number; lines: unknown[]; text: string }[] };
type Seen<D> = { boot?: D; app?: D & { frame: string } };

/**
 * Records the boot script's page when its rows (or lines) appear, and the app's first render
 * (captured as index.html's template would be) when its own appear, each at that moment.
 */
async function watchFirstRenders(page: Page, tab: Tab) {
  await page.addInitScript({
    content: `(() => {
      const capture = ${captureFrame.toString()};
      const offering = ${JSON.stringify(offering)};
      const tab = ${JSON.stringify(tab)};
      // Elements as React and the boot script each leave them: adjacent texts as one, and no
      // empty style attribute (React leaves one on inputs).
      const describe = (node) => node.nodeType === 3 ? node.textContent : {
        tag: node.tagName,
        attributes: [...node.attributes]
          .filter((a) => a.name !== 'style' || node.style.cssText !== '')
          .map((a) => [a.name, a.name === 'style' ? node.style.cssText : a.value]).sort(),
        children: [...node.childNodes].map(describe),
      };
      const normalised = (node) => {
        const copy = node.cloneNode(true);
        copy.normalize();
        return describe(copy);
      };
      const top = (element) => Math.round(element.getBoundingClientRect().top);
      const groups = (main) => {
        const table = main.querySelector('table');
        if (!table || !table.tBodies[0]?.rows.length) return null;
        return {
          rows: [...table.tBodies[0].rows].map(normalised),
          tableTop: top(table),
          rowHeights: [...table.tBodies[0].rows].map((row) => Math.round(row.getBoundingClientRect().height)),
        };
      };
      const sync = (main) => {
        const sections = [...main.querySelectorAll('section')].filter((section) =>
          /^(Synced|Only in Waldur|Only in Keycloak) \\(/.test(section.querySelector('h2')?.textContent ?? ''));
        if (sections.length !== 3 || (tab === 'sync' && !main.querySelector('[role="listitem"]'))) return null;
        return {
          sections: sections.map((section) => ({
            title: section.querySelector('h2').textContent,
            top: top(section),
            listHeight: Math.round(section.querySelector('[role="list"]')?.parentElement.getBoundingClientRect().height ?? 0),
            lines: [...section.querySelectorAll('[role="listitem"]')].map(normalised),
            text: section.textContent,
          })),
        };
      };
      const drawn = tab === 'groups' ? groups : sync;
      const seen = (window.__seen = {});
      const observer = new MutationObserver(() => {
        // The boot script's page as it last was before the app's (it may draw in steps).
        const boot = document.querySelector('.boot-frame main');
        if (boot) seen.boot = drawn(boot) ?? seen.boot;
        const app = document.querySelector('main#main');
        const first = app && drawn(app);
        if (first) {
          // A page that is not the template's (a section without lines, for the sync one) has none.
          let frame;
          try {
            frame = capture(offering, tab);
          } catch (error) {
            frame = String(error);
          }
          seen.app = { ...first, frame };
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })();`,
  });
}

/**
 * Opens the tab with the app's code held back until the boot script has drawn its page (unless
 * the copy is being written: the boot script draws nothing without it), whatever the machine's
 * speed; returns both first renders and index.html's template.
 */
async function firstRenders<D>(page: Page, tab: Tab, path: string, template: string): Promise<Seen<D> & { template: string }> {
  await watchFirstRenders(page, tab);
  await page.route(APP_ENTRY, async (route) => {
    if (!updating) await page.waitForFunction(() => (window as unknown as { __seen: Seen<D> }).__seen.boot !== undefined);
    await route.continue();
  });
  await page.goto(path);
  const seen = await page
    .waitForFunction(() => {
      const { __seen } = window as unknown as { __seen: Seen<D> };
      return __seen.app ? __seen : null;
    })
    .then(async (handle) => (await handle.jsonValue()) as Seen<D>);
  return { ...seen, template: await templateOf(page, template) };
}

/** One of the boot script's templates: in index.html, or in the file it names (the Sync status tab's). */
function templateOf(page: Page, id: string): Promise<string> {
  return page.evaluate(async (id) => {
    const file = document.querySelector<HTMLMetaElement>('meta[name="sync-frame"]')?.content;
    const holder = document.createElement('template');
    if (file) holder.innerHTML = await (await fetch(file)).text();
    return (document.querySelector(`template#${id}`) ?? holder.content.querySelector(`template#${id}`))?.innerHTML ?? '';
  }, id);
}

const OUT_OF_DATE = 'index.html’s copy of the page is out of date: `npm run build && npm run boot-frame`';

/** The Sync status tab's group lists wait until the app has drawn the sync status alone. */
async function holdGroupLists(page: Page) {
  await page.route(
    (url) => url.pathname === '/api/offering-keycloak-groups/remote_groups/' || url.pathname === '/api/offering-keycloak-groups/',
    async (route) => {
      await page.waitForFunction(() => (window as unknown as { __seen: { app?: unknown } }).__seen.app !== undefined);
      await route.continue();
    },
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the boot script’s groups tab is the app’s first render: same page, same rows, same place (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const seen = await firstRenders<GroupsDrawn>(page, 'groups', `/offerings/${offering.uuid}/groups`, 'boot-groups');
    if (updating) {
      // The copy is the same in both schemes (the scheme's own slot aside): written once.
      if (scheme === 'light') await writeFile('src/boot/groups-frame.html', `${seen.app?.frame ?? ''}\n`);
      return;
    }
    expect(seen.template, OUT_OF_DATE).toBe(seen.app?.frame);
    expect(seen.boot?.rows.length).toBe(10);
    expect(seen.boot?.rows, 'the boot script writes the rows as GroupRow does').toEqual(seen.app?.rows);
    expect(seen.boot?.tableTop).toBe(seen.app?.tableTop);
    expect(seen.boot?.rowHeights).toEqual(seen.app?.rowHeights);
  });

  test(`the boot script’s Sync status tab is the app’s first render: same page, same lines, same place (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await holdGroupLists(page);
    const seen = await firstRenders<SyncDrawn>(page, 'sync', `/offerings/${offering.uuid}/sync`, 'boot-sync');
    if (updating) {
      if (scheme === 'light') await writeFile('src/boot/sync-frame.html', `${seen.app?.frame ?? ''}\n`);
      return;
    }
    expect(seen.template, OUT_OF_DATE).toBe(seen.app?.frame);
    const app = seen.app?.sections ?? [];
    expect(app.map((section) => section.title)).toEqual([
      'Synced (9)',
      'Only in Waldur (4)',
      expect.stringMatching(/^Only in Keycloak \(\d+\)$/),
    ]);
    expect(seen.boot?.sections.map((section) => section.lines.length)).toEqual(app.map((section) => section.lines.length));
    for (const [index, section] of (seen.boot?.sections ?? []).entries()) {
      expect(section.lines, `${section.title}: the boot script writes the lines as LineRow does`).toEqual(app[index]?.lines);
      expect([section.title, section.top, section.listHeight]).toEqual([app[index]?.title, app[index]?.top, app[index]?.listHeight]);
    }
  });
}

test('the boot script’s Sync status sections without lines are the app’s: same page, same place', async ({ page, sim }) => {
  const { body: status } = await sim.api<{ synced: unknown[]; local_only: string[]; remote_only: string[] }>(
    'staff',
    'GET',
    `/api/offering-keycloak-groups/sync_status/?offering_uuid=${offering.uuid}`,
  );
  // All three empty for the copy of a section without lines; for the check, one of them.
  const answer = updating ? { synced: [], local_only: [], remote_only: [] } : { ...status, local_only: [] };
  await page.route(
    (url) => url.pathname === '/api/offering-keycloak-groups/sync_status/',
    (route) => route.fulfill({ json: answer }),
  );
  await holdGroupLists(page);
  const seen = await firstRenders<SyncDrawn>(page, updating ? 'sync-none' : 'sync', `/offerings/${offering.uuid}/sync`, 'boot-sync-none');
  if (updating) {
    await writeFile('src/boot/sync-sections-none.html', `${seen.app?.frame ?? ''}\n`);
    return;
  }
  const none = await page.evaluate((html) => {
    const holder = document.createElement('template');
    holder.innerHTML = html;
    return [...holder.content.querySelectorAll('section')].map((section) => section.textContent);
  }, seen.template);
  expect(none, OUT_OF_DATE).toEqual(
    ['Synced (0)', 'Only in Waldur (0)', 'Only in Keycloak (0)'].map((title) => expect.stringContaining(title)),
  );
  expect(seen.boot?.sections.map((section) => [section.title, section.top, section.listHeight, section.text])).toEqual(
    seen.app?.sections.map((section) => [section.title, section.top, section.listHeight, section.text]),
  );
  expect(seen.app?.sections[1]?.text).toContain('None.');
});

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

test('before the app’s code has run: the first lines of each Sync status section, inert; a filter waits for the app', async ({
  page,
  sim,
}) => {
  const { body: status } = await sim.api<{ synced: { local_name: string }[]; local_only: string[]; remote_only: string[] }>(
    'staff',
    'GET',
    `/api/offering-keycloak-groups/sync_status/?offering_uuid=${offering.uuid}`,
  );
  await page.route(APP_ENTRY, () => new Promise<void>(() => undefined));
  await page.goto(`/offerings/${offering.uuid}/sync`, { waitUntil: 'commit' });
  const frame = page.locator('.boot-frame');
  const section = (title: string) => frame.locator('section').filter({ has: page.locator('h2', { hasText: title }) });
  await expect(section('Synced').locator('h2')).toHaveText(`Synced (${status.synced.length})`);
  // Every section's lines, the lower ones drawn once the first has been painted.
  await expect(section('Synced').locator('[role="listitem"]')).toHaveCount(status.synced.length);
  await expect(section('Only in Waldur').locator('[role="listitem"]')).toHaveCount(status.local_only.length);
  await expect(section('Only in Keycloak').locator('[role="listitem"]')).not.toHaveCount(0);
  await expect(section('Only in Waldur').locator('[role="listitem"]').first()).toContainText('Looking up the local group…');
  await expect(frame).toHaveAttribute('inert', '');
  await expect(page.getByRole('list')).toHaveCount(0);

  // A filter shows other lines: the skeleton stays for the app.
  const answered = page.waitForResponse((response) => response.url().includes('/sync_status/'));
  await page.goto(`/offerings/${offering.uuid}/sync?q=researchers`, { waitUntil: 'commit' });
  await answered;
  await expect(page.getByRole('status', { name: 'Loading page' })).toBeVisible();
  await expect(page.locator('[role="listitem"]')).toHaveCount(0);
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
