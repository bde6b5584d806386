import type { Page, Request } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { DEMO81 } from '../sim/src/seed/demo-8-1.ts';
import { expect, seriousViolations, test } from './fixtures';
import { PAGES_80, sidewaysScroll } from './pages/every-page';

/**
 * Issue 31: the app in German, Estonian and Arabic. Every page in each language: no English left
 * (what the server sent is data and stays as it is), no sideways scrolling at 1280 and 390 px, and
 * the axe scan clean; Arabic mirrored; the language chosen from the menu, ?language= or the
 * browser, kept, and sent to Waldur.
 */

const A = DEMO.offerings.healthyA.uuid;
const K8S = DEMO81.offerings.k8s.uuid;
const LANGUAGES = ['de', 'et', 'ar'] as const;

const PAGES_81 = [
  `/offerings/${K8S}/access`,
  `/offerings/${K8S}/roles`,
  `/offerings/${K8S}/resource-sync`,
  `/offerings/${K8S}/access-check`,
];

/**
 * English words no German or Estonian text of ours has (so not "in", "an", "on", "all", "was",
 * "will", "must", "status", "name", "test", "import", "filter", "server": words of those
 * languages too).
 */
const ENGLISH = new RegExp(
  `\\b(${[
    'the',
    'of',
    'and',
    'to',
    'is',
    'are',
    'not',
    'with',
    'for',
    'from',
    'this',
    'that',
    'by',
    'or',
    'your',
    'you',
    'has',
    'have',
    'were',
    'can',
    'cannot',
    'which',
    'what',
    'when',
    'there',
    'their',
    'its',
    'any',
    'none',
    'every',
    'each',
    'only',
    'than',
    'these',
    'those',
    'into',
    'about',
    'after',
    'before',
    'more',
    'here',
    'page',
    'groups?',
    'members?',
    'roles?',
    'resources?',
    'offerings?',
    'linked',
    'pending',
    'search',
    'loading',
    'settings',
    'missing',
    'remote',
    'delete',
    'remove',
    'cancel',
    'save',
    'close',
    'retry',
    'add',
    'edit',
    'created',
    'users?',
    'access',
    'show',
    'hide',
    'next',
    'previous',
    'back',
    'yes',
    'clear',
    'check',
    'select',
    'enabled',
    'disabled',
    'connection',
    'organization',
    'project',
    'no',
  ].join('|')})\\b`,
  'i',
);

/** Names and tokens that are the same in every language. */
const NAMES = /\b(Keycloak|Waldur|Rancher|UUID|CSV|API|JSON|URL|ID|OK|HPC|HTTP|TLS|Realm|staff|alice|Berg)\b/gi;
const IDENTIFIERS = [
  /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi, // UUIDs
  /[0-9a-f]{6,}/gi, // hex ids, shortened UUIDs
  /\S+@\S+/g, // emails
  /\bhttps?:\/\/\S+/g, // URLs
  /(^|\s)\/\S*/g, // paths
  /\b\S*[_.:/]\S*\b/g, // dotted, snake_case and colon identifiers (realm:role, api.example)
];

/** Every string the server sent while the page was open: data, shown as it is. */
function recordServerStrings(page: Page): () => Promise<string[]> {
  const bodies: Promise<unknown>[] = [];
  page.on('response', (response) => {
    if (!/\/api(-auth)?\//.test(response.url())) return;
    if (!(response.headers()['content-type'] ?? '').includes('json')) return;
    bodies.push(response.json().catch(() => null));
  });
  return async () => {
    const strings = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        if (value.trim()) strings.add(value.trim());
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    (await Promise.all(bodies)).forEach(walk);
    // Longest first, so that a name is not cut by a shorter one inside it.
    return [...strings].sort((a, b) => b.length - a.length);
  };
}

const CATALOG = /\/assets\/messages-[^/]+\.js$/;
const isApi = (url: string) => /\/api(-auth)?\//.test(new URL(url).pathname);

/**
 * Holds each load of the language's catalog back until the API requests started meanwhile have
 * their answers: the first page's data arrives before its words, as on a slow link, where a
 * message made from data before the language was active once showed Lingui's own complaint.
 * Returns the Accept-Language of every API request.
 */
async function catalogAfterData(page: Page): Promise<(string | null)[]> {
  const asked: (string | null)[] = [];
  let pending = 0;
  let answered = 0;
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    pending += 1;
    asked.push(request.headers()['accept-language'] ?? null);
  });
  const done = (request: Request) => {
    if (!isApi(request.url())) return;
    pending -= 1;
    answered += 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.route(CATALOG, async (route) => {
    const before = answered;
    // A page whose data all came before its catalog was asked for has nothing to wait for.
    await expect
      .poll(() => answered > before && pending === 0, { timeout: 5_000 })
      .toBe(true)
      .catch(() => undefined);
    await route.continue();
  });
  return asked;
}

/** The page's visible text and its accessible texts (labels, placeholders, titles), one per line. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = document.body.innerText.split('\n');
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (element.closest('[aria-hidden="true"]')) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    // The language menu names each language in itself.
    const languages = [...document.querySelectorAll('select option')].map((option) => option.textContent ?? '');
    return texts.filter((text) => !languages.includes(text.trim()));
  });
}

function leftEnglish(texts: string[], data: string[], language: string): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    // Badges write their words in capitals (CSS): compared without case.
    let rest = text.toLowerCase();
    for (const value of data) {
      const lower = value.toLowerCase();
      if (rest.includes(lower)) rest = rest.replaceAll(lower, ' ');
    }
    for (const pattern of IDENTIFIERS) rest = rest.replace(pattern, ' ');
    rest = rest.replace(NAMES, ' ');
    const english = language === 'ar' ? /\b[A-Za-z]{2,}\b/.test(rest) : ENGLISH.test(rest);
    if (english) found.add(text.trim());
  }
  return [...found];
}

/** Waits until the page has loaded what it shows: no skeleton, no busy region, no loading bar. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"], .mantine-Skeleton-root')).toHaveCount(0, { timeout: 15_000 });
}

async function checkPages(page: Page, language: (typeof LANGUAGES)[number], paths: string[]) {
  const asked = await catalogAfterData(page);
  for (const path of paths) {
    const serverStrings = recordServerStrings(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${path}${path.includes('?') ? '&' : '?'}language=${language}`);
    await settled(page);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const english = leftEnglish(await pageTexts(page), await serverStrings(), language);
    expect.soft(english, `English left on ${path} in ${language}`).toEqual([]);
    expect.soft(await sidewaysScroll(page), `sideways scroll on ${path} in ${language} at 1280 px`).toBe(0);
    expect.soft(await seriousViolations(page), `axe violations on ${path} in ${language}`).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    expect.soft(await sidewaysScroll(page), `sideways scroll on ${path} in ${language} at 390 px`).toBe(0);
  }
  expect([...new Set(asked)], 'Accept-Language of the requests to Waldur').toEqual([language]);
}

test.describe('every page in each language', () => {
  test.slow();
  for (const language of LANGUAGES) {
    test(`Waldur 8.0.5 pages in ${language}`, async ({ page }) => {
      await checkPages(page, language, [...PAGES_80, '/no-such-page']);
    });

    test(`Waldur 8.1 pages in ${language}`, async ({ page, sim }) => {
      await sim.reset({ waldur: '8.1' });
      await checkPages(page, language, PAGES_81);
    });
  }

  test.describe('signed out', () => {
    test.use({ account: null });
    for (const language of LANGUAGES) {
      test(`sign-in page in ${language}`, async ({ page }) => {
        const serverStrings = recordServerStrings(page);
        await page.goto(`/sign-in?language=${language}`);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.locator('form').getByRole('button').first().click();
        expect(leftEnglish(await pageTexts(page), await serverStrings(), language)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
});

test('Arabic mirrors the page: the navigation on the right, tables read right to left', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups?language=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const nav = await page.getByRole('navigation').first().boundingBox();
  const main = await page.getByRole('main').boundingBox();
  expect(nav && main && nav.x > main.x).toBe(true);
  const headers = page.getByRole('table').first().getByRole('columnheader');
  await expect(headers.first()).toBeVisible();
  const first = await headers.first().boundingBox();
  const second = await headers.nth(1).boundingBox();
  expect(first && second && first.x > second.x).toBe(true);
});

test('the language menu changes the words and keeps the page, its filters and an open form', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups?q=Research`);
  const search = page.getByRole('searchbox').first();
  await expect(search).toHaveValue('Research');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/offerings/${A}/groups\\?q=Research$`));
  await expect(search).toHaveValue('Research');

  // An open form keeps what was typed.
  await page.goto(`/offerings/${A}/settings`);
  const field = page.getByRole('textbox').first();
  await field.fill('typed before the switch');
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(field).toHaveValue('typed before the switch');

  // Remembered for the next visit in this browser.
  await page.goto('/offerings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
});

test.describe('the browser says German', () => {
  test.use({ locale: 'de-AT' });

  test('the app starts in German and every request to Waldur asks for it', async ({ page }) => {
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request);
    });
    await page.goto('/offerings');
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) expect(await request.headerValue('accept-language'), request.url()).toBe('de');
  });

  test('?language= wins over the browser, and leaves the address', async ({ page }) => {
    await page.goto('/offerings?language=et');
    await expect(page.getByRole('button', { name: 'Logi välja' })).toBeVisible();
    await expect(page).toHaveURL(/\/offerings$/);
  });
});

test('a request that fails before the Arabic catalog has loaded is told in Arabic', async ({ page }) => {
  // The network fails, so the words are ours, not the server's.
  await page.route(/\/api\/offering-keycloak-groups\//, (route) => route.abort('connectionreset'));
  const asked = await catalogAfterData(page);
  await page.goto(`/offerings/${A}/groups?language=ar`);
  await expect(page.getByText('تعذّر الوصول إلى الخادم. تحقق من اتصالك بالشبكة وأعد المحاولة.').first()).toBeVisible();
  await expect(page.getByText(/Lingui/)).toHaveCount(0);
  expect([...new Set(asked)]).toEqual(['ar']);
});
