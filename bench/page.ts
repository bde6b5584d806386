import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Bench } from './types.ts';

export type Hit = { dom: number; paint: number; text: string };
export type Resource = {
  name: string;
  initiatorType: string;
  start: number;
  responseEnd: number;
  encoded: number;
  decoded: number;
  transfer: number;
};

/** What bench/probe.js puts on window (functions given to page.evaluate must be inline arrows). */
export type BenchWindow = {
  __bench: {
    found: Record<string, Hit | undefined>;
    keys: { last: number | null; count: number };
    longTasks: { start: number; duration: number }[];
    appear: (selector: string, timeoutMs?: number) => Promise<Hit>;
    resources: () => Resource[];
    clickTab: (name: string, selector: string, timeoutMs?: number) => Promise<{ dom: number; paint: number }>;
    clickButton: (
      name: string,
      selector: string,
      text: string | null,
      timeoutMs?: number,
    ) => Promise<{ start: number; dom: number; paint: number; text: string }>;
    target: (selector: string, kind: string) => { point: { x: number; y: number } | null; responded: boolean };
    usable: (kind: string) => Omit<Usable, 'tries'> | null;
    scrollList: (
      label: string,
      step: number,
    ) => Promise<{
      label: string;
      start: number;
      end: number;
      frames: number;
      maxRows: number;
      setSize: number;
      lastShown: number;
      longestFrame: number;
    }>;
  };
};

/** The first body row of the groups table (the app's and the floor's). */
export const GROUP_ROW = 'table[aria-label="Groups"] tbody tr';

/** Waits for a watched selector (see probe.js) and returns when it was first shown. */
export async function waitWatched(page: Page, name: string, timeout = 90_000): Promise<Hit> {
  const handle = await page.waitForFunction((key) => (window as unknown as BenchWindow).__bench?.found[key], name, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as Hit;
}

export type Usable = {
  /** performance.now() when the page dispatched the first click that got a response. */
  at: number;
  /** When that click was issued (its event's timeStamp): earlier than `at` if the page was busy. */
  issued: number;
  /** When the response came (the URL named the group, or the pull was sent). */
  responded: number;
  /** Clicks dispatched before it that got no response. */
  dead: number;
  /** Every click until then: [issued, dispatched] (ms from navigation start). */
  clicks: [number, number][];
  /** Clicks the benchmark issued in all (dispatched or not: a disabled button gets none). */
  tries: number;
};

export type Point = { x: number; y: number };

/** Where the first element matching `selector` is once the page is loaded: a warm-up load finds it. */
export async function pointOf(page: Page, selector: string, timeout = 240_000): Promise<Point> {
  const handle = await page.waitForFunction((sel) => (window as unknown as BenchWindow).__bench.target(sel, '').point, selector, {
    polling: 'raf',
    timeout,
  });
  return (await handle.jsonValue()) as Point;
}

/**
 * Clicks at `point` (where the first row's name or action ends up, from a warm-up load) again
 * and again, for real (mouse input through the browser), from the start of the load until the
 * page responds (`kind`, see probe.js), and returns the first click that worked. Each click
 * waits for the page to take it, as a user's would; clicks before the row is there hit nothing,
 * and a row that is shown but does not work yet (no handler, a disabled button, a busy main
 * thread) shows as time between its appearance and this click.
 */
export async function clickUntilUsable(page: Page, point: Point, kind: 'opened' | 'pulled', timeout = 120_000): Promise<Usable> {
  const until = Date.now() + timeout;
  let tries = 0;
  const responded = () =>
    page.evaluate((k) => (window as unknown as BenchWindow).__bench?.target('body', k).responded ?? false, kind).catch(() => false);
  while (Date.now() < until && !(await responded())) {
    await page.mouse.click(point.x, point.y);
    tries += 1;
  }
  const hit = await page.evaluate((k) => (window as unknown as BenchWindow).__bench.usable(k), kind);
  if (!hit) throw new Error(`no click at (${point.x}, ${point.y}) got a response (${kind}) within ${timeout} ms (${tries} clicks)`);
  return { ...hit, tries };
}

/**
 * For an A/B of the boot script's early requests: the page's index.html goes through the
 * benchmark (both arms, so that both pay the same), and with `withoutEarly` without the boot
 * script's tag (the app then reads /config.json and sends every request itself).
 */
export async function routeIndex(page: Page, withoutEarly: boolean): Promise<void> {
  await page.route(
    (url) => url.pathname.startsWith('/offerings/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = await response.text();
      const body = withoutEarly ? html.replace(/<script src="\/assets\/boot-[^"]+\.js"><\/script>/, '') : html;
      if (withoutEarly && body === html) throw new Error('index.html has no boot script to take out');
      return route.fulfill({ response, body });
    },
  );
}

/** Chromium's network emulation of a slow link: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_LINK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

/** Puts the page on the slow link (before its navigation). */
export async function emulateSlowLink(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_LINK });
}

export async function pageResources(page: Page): Promise<Resource[]> {
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.resources());
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Saves a screenshot next to the build for a figure that failed, and returns its path. */
export async function screenshotOnFailure(bench: Bench, page: Page, name: string): Promise<string> {
  const path = join(bench.root, 'bench', '.tmp', `failure-${name}.png`);
  await page.screenshot({ path, fullPage: false }).catch(() => {});
  return path;
}

/** True when the route still renders the placeholder of a page that is not built yet. */
export async function isPlaceholder(page: Page): Promise<boolean> {
  return (await page.getByText('This page is being built.').count()) > 0;
}

/** Offering tabs and the element that means "the tab's content is shown". */
export const TABS = [
  { name: 'Groups', path: 'groups', route: 'offering-groups.tsx', content: GROUP_ROW },
  { name: 'Sync status', path: 'sync', route: 'offering-sync.tsx', content: '[role="list"][aria-label="Synced groups"] [role="listitem"]' },
  { name: 'Members', path: 'members', route: 'offering-members.tsx', content: 'table[aria-label="Members"] tbody tr' },
  { name: 'Remote users', path: 'remote-users', route: 'offering-remote-users.tsx', content: 'input[type="search"]' },
] as const;

export type Tab = (typeof TABS)[number];

/** Counts the page's requests in flight, to wait until background fetches are over. */
export function trackRequests(page: Page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return {
    inFlight: () => inFlight,
    /** Resolves once no request has been in flight for `quietMs` (or after `timeoutMs`). */
    async idle(quietMs = 300, timeoutMs = 20_000): Promise<boolean> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (inFlight <= 0 && Date.now() - lastChange >= quietMs) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    },
  };
}
