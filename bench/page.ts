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

/**
 * Waits until the app itself has the page: index.html's frame (`.boot-frame`, with the boot
 * script's copy of the groups tab, inert) is gone once React has rendered in its place. Before
 * that, the first row can be on screen but nothing on the page responds.
 */
export async function waitForApp(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('.boot-frame', { state: 'detached', timeout });
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
