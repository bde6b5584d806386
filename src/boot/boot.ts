import { parseRuntimeConfig, readConfig } from '../api/config';
import { isKeycloakEnabled } from '../api/keycloak-enabled';
import { getToken } from '../api/session';
import { EARLY_FOR_MS, type BootRecord } from './boot-record';
import { applyInitialColorScheme } from './color-scheme';
import { prepareDateTimeFormat } from '../lib/format';
import { drawGroupsPage, type BootGroup, type BootOffering } from './groups-frame';
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
 * (groups-frame.ts), as the floor page of the benchmark does, and only then loads and starts the
 * app: its entry chunk (about 130 KB gzip) and its evaluation (one long task of 50–90 ms) had
 * the network and the main thread while the rows waited. index.html names the app's chunks in
 * `<meta>` tags rather than loading them; on other pages they load at once. The app starts at
 * most START_WITHIN_MS after the requests left, rows or not.
 */
const START_WITHIN_MS = 120;
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
const drawing = !signedOut && landingRequests('', location.pathname, location.search).rows !== undefined;
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
  if (plan.rows) void drawRows(plan.rows);
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
  // Answers the app never took (another page by then, another filter) are let go.
  setTimeout(() => {
    for (const [url, early] of requests) {
      requests.delete(url);
      void early.response.then((answer) => answer.body?.cancel()).catch(() => undefined);
    }
  }, EARLY_FOR_MS);
}

/** Draws the groups tab from the early answers (unless the app got there first), then starts it. */
async function drawRows(urls: { offering: string; groups: string }) {
  startSoon(START_WITHIN_MS);
  // The page's first date format sets up the locale's data (20–30 ms): done while the requests
  // are on their way rather than once their answers are in.
  prepareDateTimeFormat();
  const body = async <T>(url: string) => {
    const answer = await requests.get(url)?.response;
    return answer ? jsonOf<T>(answer) : null;
  };
  try {
    const [offering, groups] = await Promise.all([
      body<BootOffering & Parameters<typeof isKeycloakEnabled>[0]>(urls.offering),
      body<BootGroup[]>(urls.groups),
    ]);
    const frame = document.querySelector('.boot-frame');
    const page =
      offering && groups && isKeycloakEnabled(offering)
        ? drawGroupsPage(document.querySelector('template#boot-groups'), offering, groups)
        : null;
    if (frame && page) {
      // Looks like the page, but the app is not running yet: nothing in it responds until then,
      // and assistive technology waits for the app's page.
      frame.setAttribute('inert', '');
      frame.setAttribute('aria-hidden', 'true');
      frame.replaceChildren(page);
      // The app's start is one long task: after the frame that shows the rows.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  } catch {
    // An answer that is not the JSON expected (a proxy's error page): the app says what it got.
  } finally {
    startSoon();
  }
}
