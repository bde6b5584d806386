import { parseRuntimeConfig, readConfig } from '../api/config';
import { isKeycloakEnabled } from '../api/keycloak-enabled';
import { getToken } from '../api/session';
import type { SyncStatus } from '../api/types';
import { formatTime, prepareFormat } from '../lib/format';
import { canManageOffering } from '../lib/offering-permission';
import { EARLY_FOR_MS, type BootRecord } from './boot-record';
import { applyInitialColorScheme } from './color-scheme';
import { pageFrom, type BootOffering } from './frame';
import { drawGroupsPage, type BootGroup } from './groups-frame';
import { landingRequests } from './landing-requests';

/**
 * index.html's first script, a few kilobytes, run while the page is still being parsed. It sets
 * up the first paint (index.html's skeleton of the frame: its colour scheme, and none when the
 * sign-in form comes), reads /config.json (preloaded by index.html), then sends the API requests
 * the page being opened starts with (landing-requests.ts), so that their answers are on their
 * way before the app's code has loaded. The app takes them (api/early.ts) in place of sending
 * its own. Built on its own, not as a module of the app (vite.config.ts, `bootScript`).
 *
 * On an offering's groups tab it draws the page with its first rows from those answers
 * (groups-frame.ts), as the floor page of the benchmark does, and on its Sync status tab the
 * first lines of each section (sync-frame.ts); only then does it load and start the app: its
 * entry chunk (about 130 KB gzip) and its evaluation (one long task of 50–90 ms) had the network
 * and the main thread while the rows waited. index.html names the app's chunks in `<meta>` tags
 * rather than loading them; on other pages they load at once. The app starts at most
 * START_WITHIN_MS after the requests left, rows or not; on the Sync status tab, whose answer is
 * computed by asking Keycloak, SYNC_START_WITHIN_MS.
 */
const START_WITHIN_MS = 120;
const SYNC_START_WITHIN_MS = 400;
const documentParsed = new Promise<void>((resolve) => {
  if (document.readyState !== 'loading') resolve();
  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});

/** Fetches the app's entry chunk and the first screen's route chunks (not run yet). */
function preloadApp() {
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="app-entry"], meta[name="app-preload"]')) {
    if (document.querySelector(`link[href="${meta.content}"]`)) continue;
    document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: meta.content, crossOrigin: '' }));
  }
}

let started = false;
function startApp() {
  const entry = document.querySelector<HTMLMetaElement>('meta[name="app-entry"]')?.content;
  if (started || !entry) return;
  started = true;
  preloadApp();
  void import(/* @vite-ignore */ entry);
}
/** Starts the app once the document is parsed (React renders into it), after `delay` ms. */
const startSoon = (delay = 0) => void documentParsed.then(() => setTimeout(startApp, delay));

applyInitialColorScheme();
const token = getToken();
const signedOut = !token || location.pathname.startsWith('/sign-in');
if (signedOut) document.documentElement.setAttribute('data-boot-signed-out', '');
// Whether this page's rows are drawn here; only the origin of their URLs waits for /config.json.
const landing = landingRequests('', location.pathname, location.search);
const drawing = !signedOut && (landing.rows !== undefined || landing.lines !== undefined);
// The Sync status tab's own code, stylesheet and page, asked for before its API requests: the
// sync status is computed for a while, and they are not to wait behind it.
const syncAssets = drawing && landing.lines ? loadSyncAssets() : null;
if (drawing) startSoon(1000);
else {
  preloadApp();
  startSoon();
}

const requests: BootRecord['requests'] = new Map();
const config = readConfig();
window.__waldurKcBoot = { config, requests };
if (token) void config.then((raw) => sendEarly(token, parseRuntimeConfig(raw).apiUrl || location.origin)).catch(() => startSoon());

/** An early answer's body, read from a copy (the app reads the answer itself), or null if not ok. */
async function jsonOf<T>(answer: Response): Promise<T | null> {
  return answer.ok ? ((await answer.clone().json()) as T) : null;
}

function sendEarly(token: string, base: string) {
  const plan = landingRequests(base, location.pathname, location.search);
  const get = (url: string) => fetch(url, { headers: { Authorization: `Token ${token}`, Accept: 'application/json' } });
  const keep = (url: string, response: Promise<Response>) => {
    // A failure is the app's to handle when it takes the request: it then sends its own.
    response.catch(() => undefined);
    requests.set(url, { token, sentAt: performance.now(), response });
  };
  for (const url of plan.now) keep(url, get(url));
  const offering = plan.offering ? requests.get(plan.offering)?.response : undefined;
  if (offering && plan.keycloak.length) {
    const enabled = offering
      .then((answer) => jsonOf<Parameters<typeof isKeycloakEnabled>[0]>(answer))
      .then((body) => body !== null && isKeycloakEnabled(body))
      .catch(() => false);
    // Kept at once, sent when the offering allows: if the app asks before, it waits for this one
    // rather than sending a second.
    for (const url of plan.keycloak)
      keep(
        url,
        enabled.then((yes) => (yes ? get(url) : Promise.reject(new Error('not sent')))),
      );
  }
  // Once every request is kept: the pages are drawn from their answers.
  if (plan.rows) void drawRows(plan.rows);
  if (plan.lines && syncAssets) void drawSyncTab(plan.lines, syncAssets);
  // Answers the app never took (another page by then, another filter) are let go.
  setTimeout(() => {
    for (const [url, early] of requests) {
      requests.delete(url);
      void early.response.then((answer) => answer.body?.cancel()).catch(() => undefined);
    }
  }, EARLY_FOR_MS);
}

type OfferingBody = BootOffering & Parameters<typeof isKeycloakEnabled>[0] & Parameters<typeof canManageOffering>[0];

/** An early answer's JSON, or null. */
async function bodyOf<T>(url: string): Promise<T | null> {
  const answer = await requests.get(url)?.response;
  return answer ? jsonOf<T>(answer) : null;
}

/** A page the boot script draws, and what it draws of it once that has been painted. */
type Drawn = { page: DocumentFragment; more?: () => void };

const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Shows `draw`'s page in place of index.html's skeleton (unless the app got there first), then
 * starts the app; at the latest `within` ms from now.
 */
async function drawThenStart(within: number, draw: () => Promise<Drawn | null>) {
  startSoon(within);
  try {
    const drawn = await draw();
    const frame = document.querySelector('.boot-frame');
    if (frame && drawn) {
      // Looks like the page, but the app is not running yet: nothing in it responds until then,
      // and assistive technology waits for the app's page.
      frame.setAttribute('inert', '');
      frame.setAttribute('aria-hidden', 'true');
      frame.replaceChildren(drawn.page);
      // The app's start is one long task: after the frame that shows the page.
      await painted();
      if (drawn.more && frame.isConnected) {
        // After what was waiting for that frame (a click, a timer) has had its turn.
        await new Promise((resolve) => setTimeout(resolve));
        drawn.more();
        await painted();
      }
    }
  } catch {
    // An answer that is not the JSON expected (a proxy's error page): the app says what it got.
  } finally {
    startSoon();
  }
}

/** The groups tab with its first rows. */
function drawRows(urls: { offering: string; groups: string }) {
  // The page's first date format sets up the locale's data (20–30 ms): done while the requests
  // are on their way rather than once their answers are in.
  prepareFormat('date-time');
  return drawThenStart(START_WITHIN_MS, async () => {
    const [offering, groups] = await Promise.all([bodyOf<OfferingBody>(urls.offering), bodyOf<BootGroup[]>(urls.groups)]);
    const page =
      offering && groups && isKeycloakEnabled(offering)
        ? drawGroupsPage(document.querySelector('template#boot-groups'), offering, groups)
        : null;
    return page && { page };
  });
}

/** Loads what the Sync status tab is drawn with (index.html names the files). */
function loadSyncAssets() {
  const assets = { styles: loadStyles('sync-styles'), templates: templatesOf('sync-frame'), code: syncCode() };
  // The time's formatter and the collator set up their locale's data (about 20 and 10 ms): done
  // while the sync status is computed, not once it is in.
  void assets.code.then((sync) => {
    prepareFormat('time');
    sync?.prepare();
  });
  return assets;
}

/**
 * The Sync status tab with the first lines of each section, for a user the app lets act on them
 * (for others it says why the actions are off, which is the app's to draw). The first section
 * with lines is drawn with the page; the others, lower down, once that has been painted.
 */
function drawSyncTab(
  urls: { offering: string; me: string; status: string },
  { styles, templates, code }: ReturnType<typeof loadSyncAssets>,
) {
  return drawThenStart(SYNC_START_WITHIN_MS, async () => {
    const [offering, me, status] = await Promise.all([
      bodyOf<OfferingBody>(urls.offering),
      bodyOf<Parameters<typeof canManageOffering>[1]>(urls.me),
      bodyOf<SyncStatus>(urls.status),
    ]);
    const checkedAt = Date.now();
    if (!offering || !me || !status || !isKeycloakEnabled(offering) || !canManageOffering(offering, me)) return null;
    const [loaded, frames, sync] = await Promise.all([styles, templates, code]);
    if (!loaded || !frames || !sync) return null;
    const copy = pageFrom(frames.querySelector('template#boot-sync'), offering);
    const none = frames.querySelector<HTMLTemplateElement>('template#boot-sync-none');
    const page = copy && none && sync.drawSyncPage(copy, none, status, `Last checked at ${formatTime(checkedAt)}`);
    if (!page) return null;
    const [top = 'synced', ...rest] = sync.sectionsWithLines(status);
    sync.drawLines(page, status, [top]);
    return { page, more: () => sync.drawLines(document, status, rest) };
  });
}

/**
 * The code that draws the Sync status tab (sync-frame.ts), the module index.html names in
 * `<meta name="sync-script">`: it shares its chunk of the app's build with the tab, and imports
 * none of the app's other code. Null if it cannot be loaded, or in development, where the tab's
 * stylesheet comes with the app's modules and the app draws the tab.
 */
function syncCode(): Promise<typeof import('./sync-frame') | null> {
  const src = document.querySelector<HTMLMetaElement>('meta[name="sync-script"]')?.content;
  return src ? (import(/* @vite-ignore */ src) as Promise<typeof import('./sync-frame')>).catch(() => null) : Promise.resolve(null);
}

/** The templates of the file index.html names in `<meta name="…">`, fetched; null when they cannot be had. */
async function templatesOf(name: string): Promise<ParentNode | null> {
  const url = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  if (!url) return null;
  try {
    const answer = await fetch(url);
    if (!answer.ok) return null;
    const holder = document.createElement('template');
    holder.innerHTML = await answer.text();
    return holder.content;
  } catch {
    return null;
  }
}

/**
 * Adds the stylesheets index.html names in `<meta name="…">` (a page's own, which the app loads
 * with its code); true once they have loaded, false if one could not be.
 */
function loadStyles(name: string): Promise<boolean> {
  const files = [...document.querySelectorAll<HTMLMetaElement>(`meta[name="${name}"]`)].map((meta) => meta.content);
  return Promise.all(
    files.map(
      (href) =>
        new Promise<boolean>((resolve) => {
          const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href, crossOrigin: '' });
          link.addEventListener('load', () => resolve(true), { once: true });
          link.addEventListener('error', () => resolve(false), { once: true });
          document.head.append(link);
        }),
    ),
  ).then((loaded) => loaded.every(Boolean));
}
